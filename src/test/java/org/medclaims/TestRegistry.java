package org.medclaims;

import java.time.LocalDate;

import org.medclaims.system.PersonIds;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test fixtures written straight into the tables: the registry of policy.md's worked
 * examples and accepted claim files whose claims wait for settlement, as the intake
 * leaves them.
 */
public final class TestRegistry {

	public static final String A_PATIENT = id("33028219800101123");

	public static final String B_PATIENT = id("33028219450202234");

	public static final String MOTHER = id("33028219850303345");

	public static final String FATHER = id("33028219830404456");

	public static final String CHILD = id("33028220100505567");

	public static final String D_PATIENT = id("33028219900606678");

	public static final String AWAY = id("33028219700707789");

	public static final String AWAY_REGISTERED = id("33028219700808890");

	public static final String STRANGER = id("33028219991231000");

	private final JdbcTemplate jdbc;

	private long fileId;

	private int position;

	public TestRegistry(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A valid resident ID made from a 17-digit body. */
	public static String id(String body) {
		return body + PersonIds.checkCharacter(body);
	}

	/**
	 * The people, hospitals and items of policy.md's worked examples A to D, and two
	 * out-of-area patients.
	 */
	public static TestRegistry workedExamples(JdbcTemplate jdbc) {
		jdbc.execute(
				"TRUNCATE adhoc_audit, claim_reversal, account_rollover, ledger_entry, settlement, claim_line, claim, claim_file, person_year,"
						+ " family_binding, certification, catalog_item, special_disease, hospital, person CASCADE");
		return new TestRegistry(jdbc).hospital("HOS1", "TERTIARY")
			.hospital("HOS2", "SECONDARY")
			.hospital("HOS3", "COMMUNITY")
			.item("DRUG-A", "0", null)
			.item("ITEM-B10", "0.10", null)
			.item("ITEM-B15", "0.15", null)
			.item("ITEM-B20", "0.20", null)
			.item("ITEM-C", "1", null)
			.person(A_PATIENT, "IN_SERVICE", 20000, 500000)
			.yearTotals(A_PATIENT, 2013, 0, 90000, 0)
			.person(B_PATIENT, "RETIRED", 0, 10000)
			.yearTotals(B_PATIENT, 2013, 14900000, 0, 1)
			.person(MOTHER, "IN_SERVICE", 0, 5000)
			.person(FATHER, "IN_SERVICE", 0, 100000)
			.binding(MOTHER, CHILD, "CHILD", LocalDate.of(2013, 5, 2))
			.binding(FATHER, CHILD, "CHILD", LocalDate.of(2013, 5, 1))
			.person(D_PATIENT, "IN_SERVICE", 0, 0)
			.person(AWAY, "IN_SERVICE", 0, 1000000)
			.yearTotals(AWAY, 2013, 0, 100000, 0)
			.person(AWAY_REGISTERED, "IN_SERVICE", 0, 1000000)
			.yearTotals(AWAY_REGISTERED, 2013, 0, 100000, 0);
	}

	/**
	 * A fresh job repository, for tests whose job instances (one per year or file) must
	 * not carry over.
	 */
	public static void forgetJobs(JdbcTemplate jdbc) {
		jdbc.execute("TRUNCATE batch_job_instance CASCADE");
	}

	public TestRegistry hospital(String code, String level) {
		this.jdbc.update("INSERT INTO hospital (code, name, level, region, designated) VALUES (?, ?, ?, 'LOCAL', TRUE)",
				code, code, level);
		return this;
	}

	public TestRegistry item(String code, String ratio, String maxUnitPrice) {
		this.jdbc.update("""
				INSERT INTO catalog_item (item_code, name, self_pay_ratio, max_unit_price, valid_from)
				VALUES (?, ?, ?::numeric, ?::numeric, DATE '2012-01-01')
				""", code, code, ratio, maxUnitPrice);
		return this;
	}

	public TestRegistry person(String id, String category, long currentFen, long historicalFen) {
		this.jdbc.update(
				"""
						INSERT INTO person (person_id, name, category, status, opening_current_account, opening_historical_account,
						    current_account, historical_account) VALUES (?, '测试', ?, 'ACTIVE', ?, ?, ?, ?)
						""",
				id, category, currentFen, historicalFen, currentFen, historicalFen);
		return this;
	}

	public TestRegistry yearTotals(String id, int year, long fundPaidFen, long segmentUsedFen, int admissions) {
		this.jdbc.update("INSERT INTO person_year VALUES (?, ?, ?, ?, ?)", id, year, fundPaidFen, segmentUsedFen,
				admissions);
		return this;
	}

	public TestRegistry binding(String grantor, String member, String relation, LocalDate from) {
		this.jdbc.update("INSERT INTO family_binding VALUES (?, ?, ?, ?, NULL)", grantor, member, relation, from);
		return this;
	}

	/** Starts an accepted file: the claims added next belong to it. */
	public TestRegistry file(String hospital, String name) {
		this.fileId = this.jdbc.queryForObject(
				"""
						WITH batch AS (INSERT INTO intake_batch DEFAULT VALUES RETURNING id)
						INSERT INTO claim_file (batch_id, file_name, hospital_code, sha256, size_bytes, source, source_path,
						    local_path, status, decided_at, intake_finished_at)
						SELECT batch.id, ?, ?, md5(?) || md5(?), 1, 'LOCAL', ?, ?, 'ACCEPTED', now(), now() FROM batch RETURNING id
						""",
				Long.class, name, hospital, name, hospital, name, name);
		this.position = 0;
		return this;
	}

	/** A waiting claim of the current file with one line. */
	public long claim(String claimNo, String patient, String visitType, LocalDate end, String itemCode,
			long amountFen) {
		String hospital = this.jdbc.queryForObject("SELECT hospital_code FROM claim_file WHERE id = ?", String.class,
				this.fileId);
		long claimId = this.jdbc.queryForObject(
				"""
						INSERT INTO claim (file_id, position, line_no, hospital_code, claim_no, patient_id, patient_name, visit_type,
						    start_date, end_date, diagnosis_code, total_amount, status)
						VALUES (?, ?, ?, ?, ?, ?, '病人', ?, ?, ?, 'K35.9', ?, 'RECEIVED') RETURNING id
						""",
				Long.class, this.fileId, this.position, this.position + 2, hospital, claimNo, patient, visitType, end,
				end, amountFen);
		this.position++;
		this.jdbc.update("""
				INSERT INTO claim_line (claim_id, position, line_no, item_code, item_name, unit_price, quantity, amount)
				VALUES (?, 0, 1, ?, '项目', ?::numeric / 100, 1, ?)
				""", claimId, itemCode, amountFen, amountFen);
		return claimId;
	}

	/** A waiting claim; lines are {itemCode, unitPrice, quantity, amountFen}. */
	public long claim(String claimNo, String patient, String visitType, LocalDate end, String disease,
			Object[]... lines) {
		String hospital = this.jdbc.queryForObject("SELECT hospital_code FROM claim_file WHERE id = ?", String.class,
				this.fileId);
		long total = 0;
		for (Object[] line : lines) {
			total += (Long) line[3];
		}
		long claimId = this.jdbc.queryForObject(
				"""
						INSERT INTO claim (file_id, position, line_no, hospital_code, claim_no, patient_id, patient_name, visit_type,
						    start_date, end_date, diagnosis_code, special_disease_code, total_amount, status)
						VALUES (?, ?, ?, ?, ?, ?, '病人', ?, ?, ?, 'K35.9', ?, ?, 'RECEIVED') RETURNING id
						""",
				Long.class, this.fileId, this.position, this.position + 2, hospital, claimNo, patient, visitType, end,
				end, disease, total);
		this.position++;
		for (int i = 0; i < lines.length; i++) {
			this.jdbc.update(
					"""
							INSERT INTO claim_line (claim_id, position, line_no, item_code, item_name, unit_price, quantity, amount)
							VALUES (?, ?, ?, ?, '项目', ?::numeric, ?::numeric, ?)
							""",
					claimId, i, i + 1, lines[i][0], lines[i][1], lines[i][2], lines[i][3]);
		}
		return claimId;
	}

	public static Object[] line(String itemCode, String unitPrice, String quantity, long amountFen) {
		return new Object[] { itemCode, unitPrice, quantity, amountFen };
	}

}
