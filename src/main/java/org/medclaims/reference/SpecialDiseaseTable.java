package org.medclaims.reference;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** special_diseases.csv (特殊病种): upserted by code. */
final class SpecialDiseaseTable extends ReferenceTable<SpecialDiseaseTable.SpecialDisease> {

	record SpecialDisease(String code, String name) {
	}

	@Override
	String fileName() {
		return "special_diseases.csv";
	}

	@Override
	List<String> columns() {
		return List.of("code", "name");
	}

	@Override
	SpecialDisease parse(CsvRow row) {
		String code = row.code("code", 20);
		unique(row, "code", code);
		return new SpecialDisease(code, row.text("name"));
	}

	@Override
	void write(List<SpecialDisease> batch, JdbcTemplate jdbc) {
		jdbc.batchUpdate("""
				INSERT INTO special_disease (code, name) VALUES (?, ?)
				ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name
				""", batch, batch.size(), (ps, d) -> {
			ps.setString(1, d.code());
			ps.setString(2, d.name());
		});
	}

}
