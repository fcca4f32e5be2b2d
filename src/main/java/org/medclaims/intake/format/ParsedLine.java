package org.medclaims.intake.format;

/**
 * An {@code L} record, raw text as in the file.
 *
 * @param fileLineNo the line of the file it stands on
 * @param lineNo the line number the hospital declared
 */
public record ParsedLine(long fileLineNo, String lineNo, String itemCode, String itemName, String unitPrice,
		String quantity, String amount) {
}
