package org.medclaims.settlement;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.medclaims.policy.ClaimLine;
import org.medclaims.policy.ClaimToValue;
import org.medclaims.policy.HospitalLevel;
import org.medclaims.policy.Money;
import org.medclaims.policy.Region;
import org.medclaims.policy.VisitType;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Streams the waiting claims (of files grouped by this run or an earlier one) of one
 * partition of households, one household at a time, each with its claims in settlement
 * order (service date, source file name, position). The claims come sorted from one
 * cursor; their lines are fetched by claim id for some {@value #CLAIMS_PER_LINE_QUERY}
 * claims of whole households at a time, so the database sorts the claims only, not every
 * line with its claim's columns. It keeps no restart state: settled claims are no longer
 * waiting, so a restart simply reads what is left.
 */
class HouseholdReader implements ItemStreamReader<Household> {

	private static final String CLAIMS = """
			SELECT c.id, c.household_id, c.claim_no, c.hospital_code, h.level, h.region, c.patient_id, c.visit_type,
			       c.start_date, c.end_date, c.special_disease_code
			FROM %s
			JOIN hospital h ON h.code = c.hospital_code
			WHERE %s
			  AND c.household_id IS NOT NULL
			  AND mod(c.household_id, ?) = ?
			ORDER BY c.household_id, c.end_date, f.file_name, c.file_id, c.position
			""".formatted(WaitingClaims.CLAIM_AND_FILE, WaitingClaims.WAITING);

	private static final String LINES = """
			SELECT claim_id, line_no, item_code, item_name, unit_price, quantity, amount FROM claim_line
			WHERE claim_id = ANY (?) ORDER BY claim_id, position
			""";

	/**
	 * Households are read ahead until they hold this many claims, whose lines are then
	 * fetched in one query.
	 */
	static final int CLAIMS_PER_LINE_QUERY = 1000;

	/** One row of the cursor: a claim without its lines. */
	private record Row(long claimId, long householdId, ClaimToValue claim) {
	}

	/**
	 * work_mem of the reader's own transaction: the sort of all waiting claims spills
	 * less to disk.
	 */
	static final String SORT_MEMORY = "64MB";

	private final JdbcCursorItemReader<Row> rows;

	private final JdbcTemplate jdbc;

	private final Deque<Household> ready = new ArrayDeque<>();

	private Row pending;

	HouseholdReader(DataSource dataSource, int partitions, int partition) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.rows = new SortingCursorReader<>(dataSource, CLAIMS);
		this.rows.setName("waitingClaims");
		this.rows
			.setPreparedStatementSetter(new ArgumentPreparedStatementSetter(new Object[] { partitions, partition }));
		this.rows.setFetchSize(CLAIMS_PER_LINE_QUERY);
		this.rows.setSaveState(false);
		// PostgreSQL streams with a fetch size only outside auto-commit
		this.rows.setConnectionAutoCommit(false);
		this.rows.setRowMapper((rs, i) -> new Row(rs.getLong(1), rs.getLong(2),
				new ClaimToValue(rs.getString(3), rs.getString(4), HospitalLevel.valueOf(rs.getString(5)),
						Region.valueOf(rs.getString(6)), rs.getString(7), VisitType.valueOf(rs.getString(8)),
						rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class), rs.getString(11),
						List.of(), false, false)));
	}

	@Override
	public Household read() throws Exception {
		if (this.ready.isEmpty()) {
			readAhead();
		}
		return this.ready.poll();
	}

	// whole households up to about CLAIMS_PER_LINE_QUERY claims, then their lines in one
	// query
	private void readAhead() throws Exception {
		List<List<Row>> households = new ArrayList<>();
		int claims = 0;
		while (claims < CLAIMS_PER_LINE_QUERY) {
			List<Row> household = nextHousehold();
			if (household.isEmpty()) {
				break;
			}
			households.add(household);
			claims += household.size();
		}
		if (households.isEmpty()) {
			return;
		}
		Map<Long, List<ClaimLine>> lines = linesOf(
				households.stream().flatMap(List::stream).map(Row::claimId).toArray(Long[]::new));
		for (List<Row> household : households) {
			this.ready.add(new Household(household.get(0).householdId(),
					household.stream()
						.map(r -> new WaitingClaim(r.claimId(),
								withLines(r.claim(), lines.getOrDefault(r.claimId(), List.of()))))
						.toList()));
		}
	}

	private List<Row> nextHousehold() throws Exception {
		Row first = this.pending != null ? this.pending : this.rows.read();
		this.pending = null;
		List<Row> household = new ArrayList<>();
		Row row = first;
		while (row != null && row.householdId() == first.householdId()) {
			household.add(row);
			row = this.rows.read();
		}
		this.pending = row;
		return household;
	}

	private Map<Long, List<ClaimLine>> linesOf(Long[] claimIds) {
		Map<Long, List<ClaimLine>> lines = new HashMap<>(claimIds.length * 2);
		this.jdbc.query(LINES, rs -> {
			lines.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
				.add(new ClaimLine(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
						rs.getBigDecimal(6), Money.ofFen(rs.getLong(7))));
		}, (Object) claimIds);
		return lines;
	}

	private static ClaimToValue withLines(ClaimToValue c, List<ClaimLine> lines) {
		return new ClaimToValue(c.claimNo(), c.hospitalCode(), c.hospitalLevel(), c.hospitalRegion(), c.patientId(),
				c.visitType(), c.startDate(), c.endDate(), c.specialDiseaseCode(), lines, false, false);
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.rows.open(executionContext);
	}

	@Override
	public void update(ExecutionContext executionContext) {
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

	@Override
	public void close() {
		this.rows.close();
		this.pending = null;
		this.ready.clear();
	}

}
