package org.medclaims.reference;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * certifications.csv (特殊病种备案): replaces the table; the disease must be a known special
 * disease.
 */
final class CertificationTable extends ReferenceTable<CertificationTable.Certification> {

	record Certification(String personId, String diseaseCode, LocalDate validFrom, LocalDate validTo) {
	}

	@Override
	String fileName() {
		return "certifications.csv";
	}

	@Override
	List<String> columns() {
		return List.of("personId", "diseaseCode", "validFrom", "validTo");
	}

	@Override
	Certification parse(CsvRow row) {
		Certification certification = new Certification(row.personId("personId"), row.code("diseaseCode", 20),
				row.date("validFrom"), row.optionalDate("validTo"));
		row.period(certification.validFrom(), certification.validTo());
		return certification;
	}

	@Override
	void check(List<Parsed<Certification>> batch, JdbcTemplate jdbc) {
		Set<String> known = new HashSet<>(jdbc.queryForList("SELECT code FROM special_disease", String.class));
		for (Parsed<Certification> parsed : batch) {
			if (!known.contains(parsed.row().diseaseCode())) {
				parsed.source().problem("diseaseCode '" + parsed.row().diseaseCode() + "' is not a special disease");
			}
		}
	}

	@Override
	void beforeWrite(JdbcTemplate jdbc) {
		jdbc.update("DELETE FROM certification");
	}

	@Override
	void write(List<Certification> batch, JdbcTemplate jdbc) {
		jdbc.batchUpdate("""
				INSERT INTO certification (person_id, disease_code, valid_from, valid_to) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING
				""", batch, batch.size(), (ps, c) -> {
			ps.setString(1, c.personId());
			ps.setString(2, c.diseaseCode());
			ps.setObject(3, c.validFrom());
			ps.setObject(4, c.validTo());
		});
	}

}
