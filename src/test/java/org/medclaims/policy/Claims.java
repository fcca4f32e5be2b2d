package org.medclaims.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds claims for tests: OUT at a TERTIARY LOCAL hospital on 2013-06-10 unless told
 * otherwise.
 */
final class Claims {

	private String claimNo = "C1";

	private HospitalLevel level = HospitalLevel.TERTIARY;

	private Region region = Region.LOCAL;

	private String patientId;

	private VisitType visitType = VisitType.OUT;

	private LocalDate serviceDate = LocalDate.of(2013, 6, 10);

	private LocalDate startDate;

	private String diseaseCode;

	private boolean adhoc;

	private boolean registered;

	private final List<ClaimLine> lines = new ArrayList<>();

	private Claims(String patientId) {
		this.patientId = patientId;
	}

	static Claims claim(String patientId) {
		return new Claims(patientId);
	}

	Claims no(String claimNo) {
		this.claimNo = claimNo;
		return this;
	}

	Claims at(HospitalLevel level) {
		this.level = level;
		return this;
	}

	Claims outOfArea() {
		this.region = Region.OUT_OF_AREA;
		return this;
	}

	Claims type(VisitType visitType) {
		this.visitType = visitType;
		return this;
	}

	Claims specialDisease(String code) {
		this.visitType = VisitType.SPD;
		this.diseaseCode = code;
		return this;
	}

	Claims on(String date) {
		this.serviceDate = LocalDate.parse(date);
		return this;
	}

	/** A stay that began before its service (end) date. */
	Claims from(String startDate) {
		this.startDate = LocalDate.parse(startDate);
		return this;
	}

	Claims adhoc(boolean registeredInAdvance) {
		this.adhoc = true;
		this.registered = registeredInAdvance;
		return this;
	}

	/** A line of quantity 1. */
	Claims line(String itemCode, String amount) {
		return line(itemCode, amount, "1");
	}

	/** A line whose amount is round(unitPrice × quantity). */
	Claims line(String itemCode, String unitPrice, String quantity) {
		BigDecimal price = new BigDecimal(unitPrice);
		BigDecimal count = new BigDecimal(quantity);
		this.lines.add(new ClaimLine(this.lines.size() + 1, itemCode, itemCode, price, count,
				Money.roundHalfUp(price.multiply(count))));
		return this;
	}

	ClaimToValue build() {
		return new ClaimToValue(this.claimNo, "H1", this.level, this.region, this.patientId, this.visitType,
				this.startDate != null ? this.startDate : this.serviceDate, this.serviceDate, this.diseaseCode,
				this.lines, this.adhoc, this.registered);
	}

}
