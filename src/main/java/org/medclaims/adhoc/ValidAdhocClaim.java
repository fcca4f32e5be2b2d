package org.medclaims.adhoc;

import java.time.LocalDate;
import java.util.List;

import org.medclaims.policy.AdhocReason;
import org.medclaims.policy.ClaimLine;
import org.medclaims.policy.ClaimToValue;
import org.medclaims.policy.HospitalLevel;
import org.medclaims.policy.Money;
import org.medclaims.policy.Region;
import org.medclaims.policy.VisitType;
import org.medclaims.system.Sha256;

/**
 * An ad-hoc claim whose every field is well-formed. The hospital's level and region are
 * the clerk's and may be absent: a registry hospital's own replace them
 * ({@link AdhocHospitals}).
 */
record ValidAdhocClaim(String claimNo, String hospitalCode, String hospitalName, HospitalLevel hospitalLevel,
		Region hospitalRegion, String patientId, String patientName, VisitType visitType, LocalDate startDate,
		LocalDate endDate, String diagnosisCode, String specialDiseaseCode, AdhocReason reason, boolean registered,
		List<ClaimLine> lines) {

	ClaimToValue toValue(HospitalLevel level, Region region) {
		return new ClaimToValue(this.claimNo, this.hospitalCode, level, region, this.patientId, this.visitType,
				this.startDate, this.endDate, this.specialDiseaseCode, this.lines, true, this.registered);
	}

	Money total() {
		long fen = 0;
		for (ClaimLine line : this.lines) {
			fen = Math.addExact(fen, line.amount().fen());
		}
		return Money.ofFen(fen);
	}

	/**
	 * SHA-256 of everything that decides the valuation, with the hospital's level and
	 * region as valued: the same claim sent twice has the same hash, a corrected one
	 * another.
	 */
	String contentHash(HospitalLevel level, Region region) {
		StringBuilder text = new StringBuilder(256);
		for (Object value : new Object[] { this.claimNo, this.hospitalCode, level, region, this.patientId,
				this.patientName, this.visitType, this.startDate, this.endDate, this.diagnosisCode,
				this.specialDiseaseCode, this.reason, this.registered }) {
			text.append(value == null ? "" : value).append('\u001f');
		}
		for (ClaimLine line : this.lines) {
			text.append('\u001e')
				.append(line.itemCode())
				.append('\u001f')
				.append(line.itemName() == null ? "" : line.itemName())
				.append('\u001f')
				.append(line.unitPrice().stripTrailingZeros().toPlainString())
				.append('\u001f')
				.append(line.quantity().stripTrailingZeros().toPlainString())
				.append('\u001f')
				.append(line.amount().fen());
		}
		return Sha256.of(text.toString());
	}

}
