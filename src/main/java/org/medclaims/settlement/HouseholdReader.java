package org.medclaims.settlement;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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

/**
 * Streams the waiting claims (of files grouped by this run or an earlier one) of one partition of households, one household at a time, each with
 * its claims in settlement order (service date, source file name, position). It keeps no restart
 * state: settled claims are no longer waiting, so a restart simply reads what is left.
 */
class HouseholdReader implements ItemStreamReader<Household> {

	private static final String SQL = """
			SELECT c.id, c.household_id, c.claim_no, c.hospital_code, h.level, h.region, c.patient_id, c.visit_type,
			       c.start_date, c.end_date, c.special_disease_code,
			       l.line_no, l.item_code, l.item_name, l.unit_price, l.quantity, l.amount
			FROM claim c
			JOIN claim_file f ON f.id = c.file_id
			JOIN hospital h ON h.code = c.hospital_code
			LEFT JOIN claim_line l ON l.claim_id = c.id
			WHERE c.status = 'RECEIVED' AND f.status = 'ACCEPTED' AND f.grouped_at IS NOT NULL AND c.household_id IS NOT NULL
			  AND mod(c.household_id, ?) = ?
			ORDER BY c.household_id, c.end_date, f.file_name, c.file_id, c.position, l.position
			""";

	/** One row of the query: a claim's line, with the claim's columns. */
	private record Row(long claimId, long householdId, ClaimToValue claim, ClaimLine line) {
	}

	/** work_mem of the reader's own transaction: the sort of all waiting lines spills less to disk. */
	static final String SORT_MEMORY = "64MB";

	private final JdbcCursorItemReader<Row> rows;

	private Row pending;

	HouseholdReader(DataSource dataSource, int partitions, int partition) {
		this.rows = new SortingCursorReader<>(dataSource, SQL);
		this.rows.setName("waitingClaimRows");
		this.rows.setPreparedStatementSetter(new ArgumentPreparedStatementSetter(new Object[] { partitions, partition }));
		this.rows.setFetchSize(2000);
		this.rows.setSaveState(false);
		// PostgreSQL streams with a fetch size only outside auto-commit
		this.rows.setConnectionAutoCommit(false);
		this.rows.setRowMapper((rs, i) -> {
			ClaimToValue claim = new ClaimToValue(rs.getString(3), rs.getString(4),
					HospitalLevel.valueOf(rs.getString(5)), Region.valueOf(rs.getString(6)), rs.getString(7),
					VisitType.valueOf(rs.getString(8)), rs.getObject(9, LocalDate.class),
					rs.getObject(10, LocalDate.class), rs.getString(11), List.of(), false, false);
			String itemCode = rs.getString(13);
			ClaimLine line = itemCode == null ? null
					: new ClaimLine(rs.getInt(12), itemCode, rs.getString(14), rs.getBigDecimal(15),
							rs.getBigDecimal(16), Money.ofFen(rs.getLong(17)));
			return new Row(rs.getLong(1), rs.getLong(2), claim, line);
		});
	}

	@Override
	public Household read() throws Exception {
		Row first = this.pending != null ? this.pending : this.rows.read();
		this.pending = null;
		if (first == null) {
			return null;
		}
		List<WaitingClaim> claims = new ArrayList<>();
		Row row = first;
		while (row != null && row.householdId() == first.householdId()) {
			Row claimRow = row;
			List<ClaimLine> lines = new ArrayList<>();
			while (row != null && row.claimId() == claimRow.claimId()) {
				if (row.line() != null) {
					lines.add(row.line());
				}
				row = this.rows.read();
			}
			claims.add(new WaitingClaim(claimRow.claimId(), withLines(claimRow.claim(), lines)));
		}
		this.pending = row;
		return new Household(first.householdId(), claims);
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

	/** Raises work_mem for the one query, in the reader's own connection and transaction (SET LOCAL). */
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
	}

}
