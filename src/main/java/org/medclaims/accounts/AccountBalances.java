package org.medclaims.accounts;

import java.sql.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.medclaims.policy.Balances;
import org.medclaims.policy.HouseholdState;
import org.medclaims.policy.Money;
import org.medclaims.policy.YearTotals;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Writes the balances and yearly totals a {@link HouseholdState} changed: settlement,
 * ad-hoc claims, credits, rollovers and reversals alike, in the caller's transaction and
 * under the locks it took on the person rows.
 */
@Repository
public class AccountBalances {

	private final JdbcTemplate jdbc;

	AccountBalances(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void write(HouseholdState state) {
		List<Object> people = new ArrayList<>();
		List<Object> current = new ArrayList<>();
		List<Object> historical = new ArrayList<>();
		state.touchedBalances().forEach((person, b) -> {
			people.add(person);
			current.add(b.currentAccount().fen());
			historical.add(b.historicalAccount().fen());
		});
		if (!people.isEmpty()) {
			this.jdbc.update(
					"""
							UPDATE person p SET current_account = b.current_account, historical_account = b.historical_account
							FROM unnest(?::text[], ?::bigint[], ?::bigint[]) AS b (person_id, current_account, historical_account)
							WHERE p.person_id = b.person_id
							""",
					array("text", people), array("bigint", current), array("bigint", historical));
		}
		List<Object> persons = new ArrayList<>();
		List<Object> years = new ArrayList<>();
		List<Object> fund = new ArrayList<>();
		List<Object> segment = new ArrayList<>();
		List<Object> admissions = new ArrayList<>();
		state.touchedYearTotals().forEach(t -> {
			persons.add(t.personId());
			years.add(t.year());
			fund.add(t.totals().fundPaid().fen());
			segment.add(t.totals().segmentUsed().fen());
			admissions.add(t.totals().admissions());
		});
		if (!persons.isEmpty()) {
			this.jdbc.update("""
					INSERT INTO person_year (person_id, year, fund_paid, segment_used, admissions)
					SELECT * FROM unnest(?::text[], ?::integer[], ?::bigint[], ?::bigint[], ?::integer[])
					ON CONFLICT (person_id, year) DO UPDATE SET fund_paid = EXCLUDED.fund_paid,
					    segment_used = EXCLUDED.segment_used, admissions = EXCLUDED.admissions
					""", array("text", persons), array("integer", years), array("bigint", fund),
					array("bigint", segment), array("integer", admissions));
		}
	}

	/**
	 * A person's balances and yearly totals (oldest year first); empty when the registry
	 * has no such person.
	 */
	public Optional<Statement> statement(String personId) {
		SortedMap<Integer, YearTotals> years = new TreeMap<>();
		this.jdbc.query("SELECT year, fund_paid, segment_used, admissions FROM person_year WHERE person_id = ?",
				(RowCallbackHandler) rs -> years.put(rs.getInt(1),
						new YearTotals(Money.ofFen(rs.getLong(2)), Money.ofFen(rs.getLong(3)), rs.getInt(4))),
				personId);
		return this.jdbc
			.query("SELECT current_account, historical_account FROM person WHERE person_id = ?",
					(rs, i) -> new Statement(new Balances(Money.ofFen(rs.getLong(1)), Money.ofFen(rs.getLong(2))),
							years),
					personId)
			.stream()
			.findFirst();
	}

	/** A person's balances now, and the totals of each year with any. */
	public record Statement(Balances balances, SortedMap<Integer, YearTotals> years) {
	}

	private Array array(String type, List<Object> values) {
		return this.jdbc.execute((ConnectionCallback<Array>) c -> c.createArrayOf(type, values.toArray()));
	}

}
