package org.medclaims.adhoc;

import java.util.ArrayList;
import java.util.List;

/** The desk's claim form as the browser posts it; every value is text until validated. */
public class ClaimForm {

	private String claimNo;

	private String hospitalCode;

	private String hospitalName;

	private String hospitalLevel;

	private String hospitalRegion;

	private String patientId;

	private String patientName;

	private String visitType = "OUT";

	private String startDate;

	private String endDate;

	private String diagnosisCode;

	private String specialDiseaseCode;

	private String reason = "OUT_OF_AREA";

	private boolean registered;

	// the clerk checked a patient name that differs from the registry's
	private boolean nameConfirmed;

	private List<LineForm> lines = new ArrayList<>(List.of(new LineForm()));

	/** One row of the lines table. */
	public static class LineForm {

		private String itemCode;

		private String itemName;

		private String unitPrice;

		private String quantity;

		private String amount;

		boolean isBlank() {
			return blank(this.itemCode) && blank(this.itemName) && blank(this.unitPrice) && blank(this.quantity)
					&& blank(this.amount);
		}

		public String getItemCode() {
			return this.itemCode;
		}

		public void setItemCode(String itemCode) {
			this.itemCode = itemCode;
		}

		public String getItemName() {
			return this.itemName;
		}

		public void setItemName(String itemName) {
			this.itemName = itemName;
		}

		public String getUnitPrice() {
			return this.unitPrice;
		}

		public void setUnitPrice(String unitPrice) {
			this.unitPrice = unitPrice;
		}

		public String getQuantity() {
			return this.quantity;
		}

		public void setQuantity(String quantity) {
			this.quantity = quantity;
		}

		public String getAmount() {
			return this.amount;
		}

		public void setAmount(String amount) {
			this.amount = amount;
		}

	}

	/**
	 * The form as the API's input; fully blank rows are left out, {@code rows} maps input
	 * lines to rows.
	 */
	AdhocClaimInput toInput(List<Integer> rows) {
		List<AdhocClaimInput.Line> input = new ArrayList<>();
		for (int i = 0; i < this.lines.size(); i++) {
			LineForm line = this.lines.get(i);
			if (line != null && !line.isBlank()) {
				input.add(new AdhocClaimInput.Line(trim(line.itemCode), trim(line.itemName), trim(line.unitPrice),
						trim(line.quantity), yuan(trim(line.amount))));
				rows.add(i);
			}
		}
		return new AdhocClaimInput(trim(this.claimNo), trim(this.hospitalCode), trim(this.hospitalName),
				trim(this.hospitalLevel), trim(this.hospitalRegion), trim(this.patientId), trim(this.patientName),
				trim(this.visitType), trim(this.startDate), trim(this.endDate), trim(this.diagnosisCode),
				trim(this.specialDiseaseCode), trim(this.reason), this.registered, input);
	}

	// an amount typed as people do (80, 80.5) is the amount in yuan and fen the API
	// expects (80.00, 80.50)
	private static String yuan(String amount) {
		if (amount != null && amount.matches("[0-9]{1,10}")) {
			return amount + ".00";
		}
		if (amount != null && amount.matches("[0-9]{1,10}\\.[0-9]")) {
			return amount + "0";
		}
		return amount;
	}

	private static String trim(String value) {
		return blank(value) ? null : value.strip();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	public String getClaimNo() {
		return this.claimNo;
	}

	public void setClaimNo(String claimNo) {
		this.claimNo = claimNo;
	}

	public String getHospitalCode() {
		return this.hospitalCode;
	}

	public void setHospitalCode(String hospitalCode) {
		this.hospitalCode = hospitalCode;
	}

	public String getHospitalName() {
		return this.hospitalName;
	}

	public void setHospitalName(String hospitalName) {
		this.hospitalName = hospitalName;
	}

	public String getHospitalLevel() {
		return this.hospitalLevel;
	}

	public void setHospitalLevel(String hospitalLevel) {
		this.hospitalLevel = hospitalLevel;
	}

	public String getHospitalRegion() {
		return this.hospitalRegion;
	}

	public void setHospitalRegion(String hospitalRegion) {
		this.hospitalRegion = hospitalRegion;
	}

	public String getPatientId() {
		return this.patientId;
	}

	public void setPatientId(String patientId) {
		this.patientId = patientId;
	}

	public String getPatientName() {
		return this.patientName;
	}

	public void setPatientName(String patientName) {
		this.patientName = patientName;
	}

	public String getVisitType() {
		return this.visitType;
	}

	public void setVisitType(String visitType) {
		this.visitType = visitType;
	}

	public String getStartDate() {
		return this.startDate;
	}

	public void setStartDate(String startDate) {
		this.startDate = startDate;
	}

	public String getEndDate() {
		return this.endDate;
	}

	public void setEndDate(String endDate) {
		this.endDate = endDate;
	}

	public String getDiagnosisCode() {
		return this.diagnosisCode;
	}

	public void setDiagnosisCode(String diagnosisCode) {
		this.diagnosisCode = diagnosisCode;
	}

	public String getSpecialDiseaseCode() {
		return this.specialDiseaseCode;
	}

	public void setSpecialDiseaseCode(String specialDiseaseCode) {
		this.specialDiseaseCode = specialDiseaseCode;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public boolean isRegistered() {
		return this.registered;
	}

	public void setRegistered(boolean registered) {
		this.registered = registered;
	}

	public boolean isNameConfirmed() {
		return this.nameConfirmed;
	}

	public void setNameConfirmed(boolean nameConfirmed) {
		this.nameConfirmed = nameConfirmed;
	}

	public List<LineForm> getLines() {
		return this.lines;
	}

	public void setLines(List<LineForm> lines) {
		this.lines = lines;
	}

}
