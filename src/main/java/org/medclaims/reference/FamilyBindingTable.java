package org.medclaims.reference;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.medclaims.policy.Relation;
import org.medclaims.system.PersonIds;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * family_bindings.csv (家庭共济): the grantor must be a person, the member need not be. The
 * file is the whole set of bindings, so it replaces the table.
 */
final class FamilyBindingTable extends ReferenceTable<FamilyBindingTable.Binding> {

	record Binding(String grantorId, String memberId, Relation relation, LocalDate validFrom, LocalDate validTo) {
	}

	@Override
	String fileName() {
		return "family_bindings.csv";
	}

	@Override
	List<String> columns() {
		return List.of("grantorId", "memberId", "relation", "validFrom", "validTo");
	}

	@Override
	Binding parse(CsvRow row) {
		Binding binding = new Binding(row.personId("grantorId"), row.personId("memberId"),
				row.enumValue("relation", Relation.class), row.date("validFrom"), row.optionalDate("validTo"));
		row.period(binding.validFrom(), binding.validTo());
		if (binding.grantorId().equals(binding.memberId())) {
			row.problem("grantorId and memberId are the same person");
		}
		return binding;
	}

	@Override
	void check(List<Parsed<Binding>> batch, JdbcTemplate jdbc) {
		String[] ids = batch.stream().map(p -> p.row().grantorId()).distinct().toArray(String[]::new);
		Set<String> known = new HashSet<>(jdbc.queryForList("SELECT person_id FROM person WHERE person_id = ANY (?)",
				String.class, (Object) ids));
		for (Parsed<Binding> parsed : batch) {
			if (!known.contains(parsed.row().grantorId())) {
				parsed.source()
					.problem(
							"grantor " + PersonIds.mask(parsed.row().grantorId()) + " is not a person of the registry");
			}
		}
	}

	@Override
	void beforeWrite(JdbcTemplate jdbc) {
		jdbc.update("DELETE FROM family_binding");
	}

	@Override
	void write(List<Binding> batch, JdbcTemplate jdbc) {
		jdbc.batchUpdate("""
				INSERT INTO family_binding (grantor_id, member_id, relation, valid_from, valid_to)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
				""", batch, batch.size(), (ps, b) -> {
			ps.setString(1, b.grantorId());
			ps.setString(2, b.memberId());
			ps.setString(3, b.relation().name());
			ps.setObject(4, b.validFrom());
			ps.setObject(5, b.validTo());
		});
	}

}
