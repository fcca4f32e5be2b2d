package org.medclaims.settlement;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.medclaims.claims.DueResponses;
import org.medclaims.claims.DueResponses.Row;
import org.medclaims.intake.format.ResponseRow;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The responses due: every accepted file not answered yet, with its claims and their
 * settlements, read in one pass ordered by file and position ({@link DueResponses}); a
 * file with a claim still waiting is not due and is passed over. It keeps no restart
 * state: an answered file is marked in the writer's transaction, and a restart reads what
 * is left.
 */
class DueResponseReader implements ItemStreamReader<DueResponse> {

	private final RowRuns<Row> files;

	DueResponseReader(DueResponses responses) {
		this.files = new RowRuns<>(responses.reader(), Row::fileId);
	}

	@Override
	public DueResponse read() throws Exception {
		for (List<Row> file = this.files.next(); !file.isEmpty(); file = this.files.next()) {
			Row first = file.get(0);
			List<ResponseRow> claims = new ArrayList<>();
			boolean waiting = false;
			OffsetDateTime processedAt = first.decidedAt();
			for (Row row : file) {
				waiting |= row.response() == null;
				if (row.response() != null) {
					claims.add(row.response());
				}
				if (row.settledAt() != null && (processedAt == null || row.settledAt().isAfter(processedAt))) {
					processedAt = row.settledAt();
				}
			}
			if (!waiting) {
				return new DueResponse(first.fileId(), first.fileName(), first.hospitalCode(),
						(processedAt != null) ? processedAt : OffsetDateTime.now(), claims);
			}
		}
		return null;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.files.open(executionContext);
	}

	@Override
	public void update(ExecutionContext executionContext) {
	}

	@Override
	public void close() {
		this.files.close();
	}

}
