package org.medclaims.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A claim as the engine values it, from a hospital file or a clerk's ad-hoc entry (零星报销).
 *
 * @param specialDiseaseCode null or blank unless SPD
 * @param adhoc entered by a clerk rather than sent by a hospital
 * @param registeredInAdvance for an ad-hoc out-of-area stay: registered (异地就医备案) before
 * treatment
 */
public record ClaimToValue(String claimNo, String hospitalCode, HospitalLevel hospitalLevel, Region hospitalRegion,
		String patientId, VisitType visitType, LocalDate startDate, LocalDate endDate, String specialDiseaseCode,
		List<ClaimLine> lines, boolean adhoc, boolean registeredInAdvance) {

	public ClaimToValue {
		Objects.requireNonNull(claimNo, "claimNo");
		Objects.requireNonNull(hospitalLevel, "hospitalLevel");
		Objects.requireNonNull(hospitalRegion, "hospitalRegion");
		Objects.requireNonNull(patientId, "patientId");
		Objects.requireNonNull(visitType, "visitType");
		Objects.requireNonNull(endDate, "endDate");
		lines = List.copyOf(lines);
	}

	/**
	 * The end date: discharge for inpatient, the visit otherwise; it picks policy,
	 * catalog and bindings.
	 */
	public LocalDate serviceDate() {
		return this.endDate;
	}

	/** 费用总额: the sum of the line amounts. */
	public Money total() {
		long fen = 0;
		for (ClaimLine line : this.lines) {
			fen = Math.addExact(fen, line.amount().fen());
		}
		return Money.ofFen(fen);
	}

}
