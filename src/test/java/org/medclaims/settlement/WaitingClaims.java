package org.medclaims.settlement;

import java.time.LocalDate;

import org.medclaims.system.PersonIds;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test fixtures written straight into the tables: registry rows and accepted claim files whose
 * claims wait for settlement, as the intake leaves them.
 */
final class WaitingClaims {

	private final JdbcTemplate jdbc;

	private long fileId;

	private int position;

	WaitingClaims(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A valid resident ID made from a 17-digit body. */
	static String id(String body) {
		return body + PersonIds.checkCharacter(body);
	}

	WaitingClaims hospital(String code, String level) {
		this.jdbc.update("INSERT INTO hospital (code, name, level, region, designated) VALUES (?, ?, ?, 'LOCAL', TRUE)",
				code, code, level);
		return this;
	}

	WaitingClaims item(String code, String ratio, String maxUnitPrice) {
		this.jdbc.update("""
				INSERT INTO catalog_item (item_code, name, self_pay_ratio, max_unit_price, valid_from)
				VALUES (?, ?, ?::numeric, ?::numeric, DATE '2012-01-01')
				""", code, code, ratio, maxUnitPrice);
		return this;
	}

	WaitingClaims person(String id, String category, long currentFen, long historicalFen) {
		this.jdbc.update("""
				INSERT INTO person (person_id, name, category, status, opening_current_account, opening_historical_account,
				    current_account, historical_account) VALUES (?, '测试', ?, 'ACTIVE', ?, ?, ?, ?)
				""", id, category, currentFen, historicalFen, currentFen, historicalFen);
		return this;
	}

	WaitingClaims yearTotals(String id, int year, long fundPaidFen, long segmentUsedFen, int admissions) {
		this.jdbc.update("INSERT INTO person_year VALUES (?, ?, ?, ?, ?)", id, year, fundPaidFen, segmentUsedFen,
				admissions);
		return this;
	}

	WaitingClaims binding(String grantor, String member, String relation, LocalDate from) {
		this.jdbc.update("INSERT INTO family_binding VALUES (?, ?, ?, ?, NULL)", grantor, member, relation, from);
		return this;
	}

	/** Starts an accepted file: the claims added next belong to it. */
	WaitingClaims file(String hospital, String name) {
		this.fileId = this.jdbc.queryForObject("""
				INSERT INTO claim_file (file_name, hospital_code, sha256, size_bytes, source, source_path, local_path, status,
				    decided_at, intake_finished_at)
				VALUES (?, ?, md5(?) || md5(?), 1, 'LOCAL', ?, ?, 'ACCEPTED', now(), now()) RETURNING id
				""", Long.class, name, hospital, name, hospital, name, name);
		this.position = 0;
		return this;
	}

	/** A waiting claim; lines are {itemCode, unitPrice, quantity, amountFen}. */
	long claim(String claimNo, String patient, String visitType, LocalDate end, String disease, Object[]... lines) {
		String hospital = this.jdbc.queryForObject("SELECT hospital_code FROM claim_file WHERE id = ?", String.class,
				this.fileId);
		long total = 0;
		for (Object[] line : lines) {
			total += (Long) line[3];
		}
		long claimId = this.jdbc.queryForObject("""
				INSERT INTO claim (file_id, position, line_no, hospital_code, claim_no, patient_id, patient_name, visit_type,
				    start_date, end_date, diagnosis_code, special_disease_code, total_amount, status)
				VALUES (?, ?, ?, ?, ?, ?, '病人', ?, ?, ?, 'K35.9', ?, ?, 'RECEIVED') RETURNING id
				""", Long.class, this.fileId, this.position, this.position + 2, hospital, claimNo, patient, visitType,
				end, end, disease, total);
		this.position++;
		for (int i = 0; i < lines.length; i++) {
			this.jdbc.update("""
					INSERT INTO claim_line (claim_id, position, line_no, item_code, item_name, unit_price, quantity, amount)
					VALUES (?, ?, ?, ?, '项目', ?::numeric, ?::numeric, ?)
					""", claimId, i, i + 1, lines[i][0], lines[i][1], lines[i][2], lines[i][3]);
		}
		return claimId;
	}

	static Object[] line(String itemCode, String unitPrice, String quantity, long amountFen) {
		return new Object[] { itemCode, unitPrice, quantity, amountFen };
	}

}
