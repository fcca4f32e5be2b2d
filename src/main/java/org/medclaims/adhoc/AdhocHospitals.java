package org.medclaims.adhoc;

import java.util.ArrayList;
import java.util.List;

import org.medclaims.policy.HospitalLevel;
import org.medclaims.policy.Region;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The hospital an ad-hoc claim is stored under: a registry hospital gives its own level
 * and region; any other code becomes a pseudo-hospital (registered = false, designated =
 * false) with the clerk's.
 */
@Component
class AdhocHospitals {

	/**
	 * The hospital as the claim is valued. {@code known}: a row exists (registry or
	 * earlier pseudo-hospital).
	 */
	record Hospital(String code, String name, HospitalLevel level, Region region, boolean inRegistry, boolean known) {
	}

	private final JdbcTemplate jdbc;

	AdhocHospitals(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Finds the hospital, or checks the clerk gave what a new pseudo-hospital needs;
	 * changes nothing.
	 */
	Hospital resolve(ValidAdhocClaim claim) {
		List<Hospital> rows = this.jdbc.query(
				"SELECT code, name, level, region, registered FROM hospital WHERE code = ?",
				(rs, i) -> new Hospital(rs.getString(1), rs.getString(2), HospitalLevel.valueOf(rs.getString(3)),
						Region.valueOf(rs.getString(4)), rs.getBoolean(5), true),
				claim.hospitalCode());
		if (!rows.isEmpty() && rows.get(0).inRegistry()) {
			return rows.get(0);
		}
		if (!rows.isEmpty()) {
			// a pseudo-hospital an earlier claim created: the clerk may restate, not
			// change, what it is
			Hospital known = rows.get(0);
			List<FieldError> errors = new ArrayList<>();
			if (claim.hospitalLevel() != null && claim.hospitalLevel() != known.level()) {
				errors.add(new FieldError("hospital.level",
						"hospital " + known.code() + " was entered as " + known.level()
								+ " before; give that level or leave it out",
						"validation.hospitalWas", List.of(known.code(), known.level().name())));
			}
			if (claim.hospitalRegion() != null && claim.hospitalRegion() != known.region()) {
				errors.add(new FieldError("hospital.region",
						"hospital " + known.code() + " was entered as " + known.region()
								+ " before; give that region or leave it out",
						"validation.hospitalWas", List.of(known.code(), known.region().name())));
			}
			if (!errors.isEmpty()) {
				throw new InvalidInput(InvalidInput.CODE, errors);
			}
			return known;
		}
		List<FieldError> errors = new ArrayList<>();
		String notInRegistry = "is required: hospital " + claim.hospitalCode() + " is not in the registry";
		List<Object> code = List.of(claim.hospitalCode());
		if (claim.hospitalName() == null) {
			errors.add(new FieldError("hospital.name", notInRegistry, "validation.hospitalNeeded", code));
		}
		if (claim.hospitalLevel() == null) {
			errors.add(new FieldError("hospital.level", notInRegistry + " (COMMUNITY, SECONDARY or TERTIARY)",
					"validation.hospitalNeeded", code));
		}
		if (claim.hospitalRegion() == null) {
			errors.add(new FieldError("hospital.region", notInRegistry + " (LOCAL or OUT_OF_AREA)",
					"validation.hospitalNeeded", code));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(InvalidInput.CODE, errors);
		}
		return new Hospital(claim.hospitalCode(), claim.hospitalName(), claim.hospitalLevel(), claim.hospitalRegion(),
				false, false);
	}

	/** The registry's hospitals, for the desk's list of codes. */
	List<Hospital> registered() {
		return this.jdbc.query("SELECT code, name, level, region FROM hospital WHERE registered ORDER BY code",
				(rs, i) -> new Hospital(rs.getString(1), rs.getString(2), HospitalLevel.valueOf(rs.getString(3)),
						Region.valueOf(rs.getString(4)), true, true));
	}

	/**
	 * Creates the pseudo-hospital row unless it exists (a parallel submission may have
	 * just created it).
	 */
	void ensure(Hospital hospital) {
		if (!hospital.known()) {
			this.jdbc.update("""
					INSERT INTO hospital (code, name, level, region, designated, registered)
					VALUES (?, ?, ?, ?, FALSE, FALSE) ON CONFLICT (code) DO NOTHING
					""", hospital.code(), hospital.name(), hospital.level().name(), hospital.region().name());
		}
	}

}
