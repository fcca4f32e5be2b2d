package org.medclaims.settlement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.medclaims.intake.format.ResponseFileWriter;
import org.medclaims.intake.format.ResponseRow;
import org.medclaims.policy.Money;
import org.medclaims.system.MedclaimsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Step 3 of settlement: for each accepted file whose claims are all final and that has no response
 * yet, writes {@code <base>.res} to {@code outbound-dir/<hospital>/} (temporary name, then rename)
 * and records it, one file per transaction. The response's processedAt is the moment its last claim
 * became final, so a response rewritten after a crash is byte for byte the same.
 */
class ResponseFiles implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(ResponseFiles.class);

	private final JdbcTemplate jdbc;

	private final MedclaimsProperties properties;

	ResponseFiles(JdbcTemplate jdbc, MedclaimsProperties properties) {
		this.jdbc = new JdbcTemplate(jdbc.getDataSource());
		this.jdbc.setFetchSize(2000);
		this.properties = properties;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
		// the file only; its processedAt comes with its rows (one pass over its claims, not two)
		List<Map<String, Object>> next = this.jdbc.queryForList("""
				SELECT f.id, f.file_name, f.hospital_code, coalesce(f.decided_at, now()) AS processed_at
				FROM claim_file f
				WHERE f.status = 'ACCEPTED' AND f.response_written_at IS NULL
				  AND NOT EXISTS (SELECT 1 FROM claim c WHERE c.file_id = f.id AND c.status = 'RECEIVED')
				ORDER BY f.id LIMIT 1
				""");
		if (next.isEmpty()) {
			return RepeatStatus.FINISHED;
		}
		Map<String, Object> file = next.get(0);
		long fileId = ((Number) file.get("id")).longValue();
		String fileName = (String) file.get("file_name");
		String hospital = (String) file.get("hospital_code");
		String responseName = fileName.replaceFirst("\\.clm$", "") + ".res";
		Path target = this.properties.outboundDir().resolve(hospital).resolve(responseName);
		Files.createDirectories(target.getParent());
		long[] count = { 0 };
		ResponseFileWriter[] writer = { null };
		try {
			// processed_at: the moment the file's last claim became final (the window is computed before the
			// first row comes), the decision when none was settled
			this.jdbc.query("""
					SELECT c.claim_no, c.status, c.total_amount, c.reject_code, c.reject_message, s.codes, s.message,
					       s.total, s.self_pay, s.self_pay_first, s.deductible, s.segment, s.coinsurance, s.over_cap,
					       s.fund, s.current_account, s.historical_account, s.family_account, s.cash,
					       coalesce(greatest(f.decided_at, max(s.settled_at) OVER ()), now()) AS processed_at
					FROM claim c JOIN claim_file f ON f.id = c.file_id LEFT JOIN settlement s ON s.claim_id = c.id
					WHERE c.file_id = ? ORDER BY c.position
					""", rs -> {
				try {
					if (writer[0] == null) {
						writer[0] = ResponseFileWriter.open(target, hospital, fileName, instant(rs.getTimestamp(20)));
					}
					writer[0].write(row(rs));
					count[0]++;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}, fileId);
			if (writer[0] == null) {
				writer[0] = ResponseFileWriter.open(target, hospital, fileName,
						instant((Timestamp) file.get("processed_at")));
			}
			writer[0].finish();
		}
		finally {
			if (writer[0] != null) {
				writer[0].close();
			}
		}
		this.jdbc.update("UPDATE claim_file SET response_written_at = now(), response_name = ? WHERE id = ?", responseName,
				fileId);
		contribution.incrementWriteCount(1);
		log.info("Response {} written for {} ({} claims)", target, fileName, count[0]);
		return RepeatStatus.CONTINUABLE;
	}

	private static OffsetDateTime instant(Timestamp timestamp) {
		return timestamp.toInstant().atZone(ZoneId.systemDefault()).toOffsetDateTime();
	}

	private static ResponseRow row(ResultSet rs) throws SQLException {
		String claimNo = rs.getString(1);
		if (!"SETTLED".equals(rs.getString(2))) {
			boolean valued = rs.getObject(8) != null;
			String message = rs.getString(5) != null ? rs.getString(5) : rs.getString(7);
			return ResponseRow.rejected(claimNo, Money.ofFen(valued ? rs.getLong(8) : rs.getLong(3)), rs.getString(4),
					message);
		}
		Money[] m = new Money[12];
		for (int i = 0; i < 12; i++) {
			m[i] = Money.ofFen(rs.getLong(8 + i));
		}
		String codes = rs.getString(6);
		return new ResponseRow(claimNo, ResponseRow.SETTLED, m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9],
				m[10], m[11], codes.isEmpty() ? List.of() : Arrays.asList(codes.split(",")), rs.getString(7));
	}

}
