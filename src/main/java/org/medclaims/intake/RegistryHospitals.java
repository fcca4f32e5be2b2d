package org.medclaims.intake;

import java.util.List;
import java.util.Optional;

import org.medclaims.intake.format.HospitalCheck;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * F_HOSPITAL from the registry: a file's hospital must be registered and designated (定点).
 */
@Component
class RegistryHospitals implements HospitalCheck {

	private final JdbcTemplate jdbc;

	RegistryHospitals(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<String> problem(String hospitalCode) {
		List<Boolean> designated = this.jdbc.query("SELECT designated FROM hospital WHERE code = ? AND registered",
				(rs, n) -> rs.getBoolean(1), hospitalCode);
		if (designated.isEmpty()) {
			return Optional.of("Hospital " + hospitalCode + " is not in the registry.");
		}
		if (!designated.get(0)) {
			return Optional.of("Hospital " + hospitalCode + " is not designated (定点) and may not send claim files.");
		}
		return Optional.empty();
	}

}
