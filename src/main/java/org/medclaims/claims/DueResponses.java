package org.medclaims.claims;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.medclaims.intake.format.ResponseRow;
import org.medclaims.policy.Money;

import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The claims of every accepted file not answered yet, as its response tells them, and the
 * answers recorded.
 */
@Repository
public class DueResponses {

	private static final String ROWS = """
			SELECT f.id, f.file_name, f.hospital_code, f.decided_at, c.claim_no, c.status, c.total_amount, c.reject_code,
			       c.reject_message, s.codes, s.message, s.total, s.self_pay, s.self_pay_first, s.deductible, s.segment,
			       s.coinsurance, s.over_cap, s.fund, s.current_account, s.historical_account, s.family_account, s.cash,
			       s.settled_at
			FROM claim_file f
			JOIN claim c ON c.file_id = f.id
			LEFT JOIN settlement s ON s.claim_id = c.id
			WHERE f.status = 'ACCEPTED' AND f.response_written_at IS NULL
			ORDER BY f.id, c.position
			""";

	/** One claim of a file; {@code response} null while it waits for settlement. */
	public record Row(long fileId, String fileName, String hospitalCode, OffsetDateTime decidedAt, ResponseRow response,
			OffsetDateTime settledAt) {
	}

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	DueResponses(JdbcTemplate jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * The claims of the unanswered files with their settlements, in one pass ordered by
	 * file and position (one sequential read, whatever the size of the tables), from a
	 * cursor of its own connection.
	 */
	public ItemStreamReader<Row> reader() {
		JdbcCursorItemReader<Row> rows = new JdbcCursorItemReader<>(this.dataSource, ROWS, DueResponses::row);
		rows.setName("dueResponses");
		rows.setFetchSize(2000);
		rows.setSaveState(false);
		// PostgreSQL streams with a fetch size only outside auto-commit
		rows.setConnectionAutoCommit(false);
		return rows;
	}

	/** Records the file answered, in the caller's transaction. */
	public void answered(long fileId, String responseName) {
		this.jdbc.update("UPDATE claim_file SET response_written_at = now(), response_name = ? WHERE id = ?",
				responseName, fileId);
	}

	private static Row row(ResultSet rs, int rowNum) throws SQLException {
		return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class),
				response(rs), rs.getObject(24, OffsetDateTime.class));
	}

	private static ResponseRow response(ResultSet rs) throws SQLException {
		String claimNo = rs.getString(5);
		String status = rs.getString(6);
		if (ClaimStatus.RECEIVED.name().equals(status)) {
			return null;
		}
		if (!ResponseRow.SETTLED.equals(status)) {
			boolean valued = rs.getObject(12) != null;
			String message = (rs.getString(9) != null) ? rs.getString(9) : rs.getString(11);
			return ResponseRow.rejected(claimNo, Money.ofFen(valued ? rs.getLong(12) : rs.getLong(7)), rs.getString(8),
					message);
		}
		Money[] m = new Money[12];
		for (int i = 0; i < 12; i++) {
			m[i] = Money.ofFen(rs.getLong(12 + i));
		}
		String codes = rs.getString(10);
		return new ResponseRow(claimNo, ResponseRow.SETTLED, m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9],
				m[10], m[11], codes.isEmpty() ? List.of() : Arrays.asList(codes.split(",")), rs.getString(11));
	}

}
