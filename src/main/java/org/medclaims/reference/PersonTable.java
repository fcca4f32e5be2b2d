package org.medclaims.reference;

import java.util.List;

import org.medclaims.policy.Category;
import org.medclaims.policy.Money;
import org.medclaims.policy.PersonStatus;
import org.medclaims.system.PersonIds;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * persons.csv: name, category and status are updated; the two balances are opening
 * balances, used only when the person is first created: afterwards balances belong to the
 * ledger.
 */
final class PersonTable extends ReferenceTable<PersonTable.PersonRow> {

	record PersonRow(String personId, String name, Category category, PersonStatus status, Money currentAccount,
			Money historicalAccount) {
	}

	@Override
	String fileName() {
		return "persons.csv";
	}

	@Override
	List<String> columns() {
		return List.of("personId", "name", "category", "status", "currentAccount", "historicalAccount");
	}

	@Override
	PersonRow parse(CsvRow row) {
		String personId = row.personId("personId");
		unique(row, "personId", personId, PersonIds.mask(personId));
		return new PersonRow(personId, row.text("name"), row.enumValue("category", Category.class),
				row.enumValue("status", PersonStatus.class), row.money("currentAccount"),
				row.money("historicalAccount"));
	}

	@Override
	void write(List<PersonRow> batch, JdbcTemplate jdbc) {
		jdbc.batchUpdate("""
				INSERT INTO person (person_id, name, category, status, opening_current_account,
				    opening_historical_account, current_account, historical_account)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (person_id) DO UPDATE SET name = EXCLUDED.name, category = EXCLUDED.category,
				    status = EXCLUDED.status
				""", batch, batch.size(), (ps, p) -> {
			ps.setString(1, p.personId());
			ps.setString(2, p.name());
			ps.setString(3, p.category().name());
			ps.setString(4, p.status().name());
			ps.setLong(5, p.currentAccount().fen());
			ps.setLong(6, p.historicalAccount().fen());
			ps.setLong(7, p.currentAccount().fen());
			ps.setLong(8, p.historicalAccount().fen());
		});
	}

}
