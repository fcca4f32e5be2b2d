package org.medclaims.intake.format;

/**
 * The layout of a claim file (claim-files.md), the one the scanner reads and the test
 * builders and the data generator write: a header, claims each followed by their lines,
 * and a trailer, one record a line, fields separated by {@code |}.
 */
public final class ClaimFileLayout {

	/** The header's format version. */
	public static final String FORMAT = "MCF1";

	/** Fields of each record type, its type letter included. */
	public static final int HEADER_FIELDS = 6;

	public static final int CLAIM_FIELDS = 11;

	public static final int LINE_FIELDS = 7;

	public static final int TRAILER_FIELDS = 4;

	private ClaimFileLayout() {
	}

	/** The fields of a record, empty ones kept. */
	public static String[] fields(String record) {
		return record.split("\\|", -1);
	}

	/** {@code H|MCF1|hospital|yyyyMMdd|seq|charset}. */
	public static String header(String hospitalCode, String fileDate, String seq, String charset) {
		return record("H", FORMAT, hospitalCode, fileDate, seq, charset);
	}

	/**
	 * {@code C|claimNo|patientId|name|visitType|start|end|diagnosis|specialDisease|total|lines}.
	 */
	public static String claim(String claimNo, String patientId, String patientName, String visitType, String startDate,
			String endDate, String diagnosisCode, String specialDiseaseCode, String totalAmount, int lineCount) {
		return record("C", claimNo, patientId, patientName, visitType, startDate, endDate, diagnosisCode,
				specialDiseaseCode, totalAmount, lineCount);
	}

	/** {@code L|lineNo|itemCode|itemName|unitPrice|quantity|amount}. */
	public static String line(int lineNo, String itemCode, String itemName, String unitPrice, String quantity,
			String amount) {
		return record("L", lineNo, itemCode, itemName, unitPrice, quantity, amount);
	}

	/** {@code T|claims|lines|total}. */
	public static String trailer(long claimCount, long lineCount, String totalAmount) {
		return record("T", claimCount, lineCount, totalAmount);
	}

	private static String record(String type, Object... fields) {
		StringBuilder record = new StringBuilder(128).append(type);
		for (Object field : fields) {
			record.append('|').append((field != null) ? field : "");
		}
		return record.toString();
	}

}
