package org.medclaims.settlement;

import java.time.OffsetDateTime;
import java.util.List;

import org.medclaims.intake.format.ResponseRow;

/**
 * An accepted file whose every claim is final: its response, one row per claim in file
 * order.
 *
 * @param processedAt the moment its last claim became final (its decision when none was
 * settled), so a response written again after a crash is byte for byte the same
 */
record DueResponse(long fileId, String fileName, String hospitalCode, OffsetDateTime processedAt,
		List<ResponseRow> rows) {

	String responseName() {
		return this.fileName.replaceFirst("\\.clm$", "") + ".res";
	}

}
