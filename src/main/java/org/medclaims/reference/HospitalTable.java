package org.medclaims.reference;

import java.util.List;

import org.medclaims.policy.HospitalLevel;
import org.medclaims.policy.Region;

import org.springframework.jdbc.core.JdbcTemplate;

/** hospitals.csv: upserted by code. */
final class HospitalTable extends ReferenceTable<HospitalTable.Hospital> {

	record Hospital(String code, String name, HospitalLevel level, Region region, boolean designated) {
	}

	@Override
	String fileName() {
		return "hospitals.csv";
	}

	@Override
	List<String> columns() {
		return List.of("code", "name", "level", "region", "designated");
	}

	@Override
	Hospital parse(CsvRow row) {
		String code = row.text("code");
		unique(row, "code", code);
		if (!code.isEmpty() && !code.matches("[A-Z0-9]{4,20}")) {
			row.problem("code '" + code + "' is not 4 to 20 capital letters or digits");
		}
		return new Hospital(code, row.text("name"), row.enumValue("level", HospitalLevel.class),
				row.enumValue("region", Region.class), row.bool("designated"));
	}

	@Override
	void write(List<Hospital> batch, JdbcTemplate jdbc) {
		jdbc.batchUpdate("""
				INSERT INTO hospital (code, name, level, region, designated, registered) VALUES (?, ?, ?, ?, ?, TRUE)
				ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level,
				    region = EXCLUDED.region, designated = EXCLUDED.designated, registered = TRUE
				""", batch, batch.size(), (ps, h) -> {
			ps.setString(1, h.code());
			ps.setString(2, h.name());
			ps.setString(3, h.level().name());
			ps.setString(4, h.region().name());
			ps.setBoolean(5, h.designated());
		});
	}

}
