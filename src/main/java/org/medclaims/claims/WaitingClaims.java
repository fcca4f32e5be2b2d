package org.medclaims.claims;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.medclaims.policy.ClaimLine;
import org.medclaims.policy.ClaimToValue;
import org.medclaims.policy.HospitalLevel;
import org.medclaims.policy.Money;
import org.medclaims.policy.Region;
import org.medclaims.policy.VisitType;
import org.medclaims.system.CopyRows;
import org.medclaims.system.PersonIds;

import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What a claim waiting for settlement is, said once: still RECEIVED, in an accepted file
 * that is grouped into households (by this run or an earlier one) and not answered yet. A
 * response is written only once every claim of its file is final, so the unanswered files
 * hold every waiting claim and their index finds them (claim status has none: V13). The
 * grouping, the reader and the progress total all read the claims so defined.
 */
@Repository
public class WaitingClaims {

	/** Claim {@code c} and its file {@code f}, the rows {@link #WAITING} reads. */
	static final String CLAIM_AND_FILE = "claim c JOIN claim_file f ON f.id = c.file_id";

	/** Claim {@code c} of file {@code f} waits for settlement. */
	static final String WAITING = "c.status = 'RECEIVED' AND f.status = 'ACCEPTED' AND f.grouped_at IS NOT NULL"
			+ " AND f.response_written_at IS NULL";

	/** The accepted files not answered yet; a run groups those not grouped yet. */
	static final String UNANSWERED_FILES = "SELECT id FROM claim_file WHERE status = 'ACCEPTED'"
			+ " AND response_written_at IS NULL";

	private static final String CLAIMS = """
			SELECT c.id, c.household_id, c.claim_no, c.hospital_code, h.level, h.region, c.patient_id, c.visit_type,
			       c.start_date, c.end_date, c.special_disease_code
			FROM %s
			JOIN hospital h ON h.code = c.hospital_code
			WHERE %s
			  AND c.household_id IS NOT NULL
			  AND mod(c.household_id, ?) = ?
			ORDER BY c.household_id, c.end_date, f.file_name, c.file_id, c.position
			""".formatted(CLAIM_AND_FILE, WAITING);

	private static final String LINES = """
			SELECT claim_id, line_no, item_code, item_name, unit_price, quantity, amount FROM claim_line
			WHERE claim_id = ANY (?) ORDER BY claim_id, position
			""";

	/**
	 * work_mem of the reader's own transaction: the sort of all waiting claims spills
	 * less to disk.
	 */
	private static final String SORT_MEMORY = "64MB";

	/** A waiting claim without its lines, and the household it is settled in. */
	public record Row(long claimId, long householdId, ClaimToValue claim) {
	}

	/**
	 * What a grouping changed: persons bound in families, and claims of lone and of bound
	 * patients moved to another household.
	 */
	public record Assignments(int boundPersons, int alone, int bound) {
	}

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	WaitingClaims(JdbcTemplate jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * Fresh statistics of the claim tables, before a run's grouping plans its statements.
	 */
	public void analyze() {
		// intake loads claims in bulk, faster than autovacuum (if on at all) samples
		// them: without fresh statistics PostgreSQL planned the reader as 1,000 scans
		// of a whole index (27 s per partition at 1M claims, not 2 s)
		this.jdbc.execute("ANALYZE claim_file, claim, claim_line");
	}

	/**
	 * Marks the unanswered files not grouped yet grouped: their claims wait from now on.
	 * @return how many files were newly grouped
	 */
	public int groupFiles() {
		// the files this run settles; their claims were all staged before they were
		// accepted. A file not grouped yet has no response yet: found through the
		// index of the unanswered ones
		return this.jdbc.update("UPDATE claim_file SET grouped_at = now() WHERE id IN (%s) AND grouped_at IS NULL"
			.formatted(UNANSWERED_FILES));
	}

	/**
	 * Puts every waiting claim in its patient's household, in the caller's transaction
	 * (the table of members it fills is dropped at commit).
	 * @param members gives each person bound in a family, with the id of their household
	 */
	public Assignments assignHouseholds(Consumer<BiConsumer<String, Long>> members) {
		this.jdbc.execute("CREATE TEMP TABLE household_member (person_id VARCHAR(18) PRIMARY KEY, household_id BIGINT)"
				+ " ON COMMIT DROP");
		CopyRows rows = new CopyRows("household_member (person_id, household_id)");
		members.accept((person, household) -> rows.add(person).add(household).endRow());
		rows.copy(this.jdbc);
		this.jdbc.execute("ANALYZE household_member");
		// intake staged each claim in its patient's own household: only claims of bound
		// patients move, and back
		String own = PersonIds.householdOfSql("c.patient_id");
		int alone = this.jdbc.update("""
				UPDATE claim c SET household_id = %s FROM claim_file f
				WHERE f.id = c.file_id AND %s AND c.household_id IS DISTINCT FROM %s
				  AND NOT EXISTS (SELECT 1 FROM household_member m WHERE m.person_id = c.patient_id)
				""".formatted(own, WAITING, own));
		int bound = this.jdbc.update("""
				UPDATE claim c SET household_id = m.household_id FROM household_member m, claim_file f
				WHERE f.id = c.file_id AND %s AND c.patient_id = m.person_id
				  AND c.household_id IS DISTINCT FROM m.household_id
				""".formatted(WAITING));
		return new Assignments(rows.rows(), alone, bound);
	}

	/** How many claims wait. */
	public int count() {
		return this.jdbc.queryForObject("SELECT count(*) FROM %s WHERE %s".formatted(CLAIM_AND_FILE, WAITING),
				Integer.class);
	}

	/** The households of all waiting claims: the settlement's progress total. */
	public long households() {
		return this.jdbc.queryForObject(
				"SELECT count(DISTINCT c.household_id) FROM " + CLAIM_AND_FILE + " WHERE " + WAITING, Long.class);
	}

	/**
	 * The waiting claims of one partition of households ({@code household_id} modulo
	 * {@code partitions}), sorted household by household in settlement order (service
	 * date, source file name, position), from a cursor of its own connection.
	 */
	public ItemStreamReader<Row> reader(int partitions, int partition, int fetchSize) {
		JdbcCursorItemReader<Row> rows = new SortingCursorReader<>(this.dataSource, CLAIMS);
		rows.setName("waitingClaims");
		rows.setPreparedStatementSetter(new ArgumentPreparedStatementSetter(new Object[] { partitions, partition }));
		rows.setFetchSize(fetchSize);
		rows.setSaveState(false);
		// PostgreSQL streams with a fetch size only outside auto-commit
		rows.setConnectionAutoCommit(false);
		rows.setRowMapper((rs, i) -> new Row(rs.getLong(1), rs.getLong(2),
				new ClaimToValue(rs.getString(3), rs.getString(4), HospitalLevel.valueOf(rs.getString(5)),
						Region.valueOf(rs.getString(6)), rs.getString(7), VisitType.valueOf(rs.getString(8)),
						rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class), rs.getString(11),
						List.of(), false, false)));
		return rows;
	}

	/** The lines of these claims, by claim id, each claim's in their order. */
	public Map<Long, List<ClaimLine>> linesOf(Long[] claimIds) {
		Map<Long, List<ClaimLine>> lines = new HashMap<>(claimIds.length * 2);
		this.jdbc.query(LINES, rs -> {
			lines.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
				.add(new ClaimLine(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
						rs.getBigDecimal(6), Money.ofFen(rs.getLong(7))));
		}, (Object) claimIds);
		return lines;
	}

	/**
	 * Raises work_mem for the one query, in the reader's own connection and transaction
	 * (SET LOCAL).
	 */
	private static final class SortingCursorReader<T> extends JdbcCursorItemReader<T> {

		SortingCursorReader(DataSource dataSource, String sql) {
			super(dataSource, sql, (rs, i) -> null);
		}

		@Override
		protected void openCursor(Connection con) {
			try (Statement statement = con.createStatement()) {
				statement.execute("SET LOCAL work_mem = '" + SORT_MEMORY + "'");
			}
			catch (SQLException ex) {
				throw translateSqlException("Raising work_mem for the waiting claims", "SET LOCAL work_mem", ex);
			}
			super.openCursor(con);
		}

	}

}
