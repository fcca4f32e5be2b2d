package org.medclaims;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.medclaims.intake.ClaimIntake;
import org.medclaims.reference.ReferenceImport;
import org.medclaims.settlement.SettlementLauncher;
import org.medclaims.system.MedclaimsProperties;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No statement of intake or settlement reads a whole table that grows with the years: on
 * top of a history of realistic size (300,000 settled claims, their lines, settlements
 * and ledger entries), every statement a new batch and its settlement run execute is
 * explained with its parameters, and no plan scans the claim, claim line, settlement,
 * ledger or claim file table sequentially. So the cost of a file or a chunk does not grow
 * with the tables, whatever the statistics.
 */
@SpringBootTest(properties = "medclaims.settlement.partitions=1")
@Import(QueryPlanTests.Recording.class)
class QueryPlanTests {

	private static final Set<String> GROWING = Set.of("claim", "claim_line", "settlement", "ledger_entry",
			"claim_file");

	private static final PlanRecorder recorder = new PlanRecorder(
			sql -> GROWING.stream().anyMatch(table -> sql.matches("(?is).*\\b" + table + "\\b.*")));

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ClaimIntake intake;

	@Autowired
	SettlementLauncher settlement;

	@Autowired
	ReferenceImport referenceImport;

	@Autowired
	MedclaimsProperties folders;

	@Test
	void noStatementOfABatchOrItsSettlementScansATableThatGrowsWithTheYears() throws Exception {
		assertThat(this.referenceImport.importFrom(Examples.reference()).succeeded()).isTrue();
		history();
		Files.createDirectories(this.folders.inboundDir());
		List<Path> files = List.of("H330282001_20140210_001.clm", "H330282002_20140210_001.clm")
			.stream()
			.map(name -> copy(Examples.file(name)))
			.toList();

		recorder.start();
		assertThat(this.intake.receive(files.stream().map(ClaimIntake.Incoming::local).toList()).getStatus())
			.isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.settlement.settle().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<PlanRecorder.Plan> plans = recorder.stop();

		assertThat(plans).as("statements explained").hasSizeGreaterThan(20);
		assertThat(plans).as("plans that read a growing table whole")
			.allSatisfy(plan -> GROWING.forEach(table -> assertThat(plan.plan()).as("%s%n%s", plan.sql(), plan.plan())
				.doesNotContainPattern("Seq Scan on " + table + "\\b")));
	}

	private Path copy(Path example) {
		try {
			return Files.copy(example, this.folders.inboundDir().resolve(example.getFileName()));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	// 600 files of 500 settled claims of 4 lines each, their settlements and ledger
	// entries, all answered
	private void history() {
		this.jdbc.execute("INSERT INTO intake_batch (id) SELECT g FROM generate_series(1000001, 1000600) g");
		this.jdbc.execute(
				"""
						INSERT INTO claim_file (id, batch_id, file_name, hospital_code, file_date, seq, sha256, size_bytes, source,
						    source_path, local_path, status, claim_count, decided_at, intake_finished_at, grouped_at,
						    response_written_at)
						SELECT 1000000 + g, 1000000 + g, 'H330282003_2012' || lpad(g::text, 4, '0') || '_001.clm', 'H330282003',
						       date '2012-01-01', '001', md5(g::text) || md5(g::text), 1000, 'LOCAL', '/x', '/x', 'ACCEPTED', 500,
						       now(), now(), now(), now()
						FROM generate_series(1, 600) g
						""");
		this.jdbc.execute("""
				INSERT INTO claim (id, file_id, position, line_no, hospital_code, claim_no, patient_id, patient_name,
				    visit_type, start_date, end_date, total_amount, status, household_id)
				SELECT 10000000 + (f - 1) * 500 + p, 1000000 + f, p, 2 + p * 5, 'H330282003', 'OLD' || f || '-' || p,
				       '33028219' || lpad(((f * 500 + p) % 40000)::text, 10, '0'), '张三', 'OUT', date '2012-06-01',
				       date '2012-06-01', 10000, 'SETTLED', f * 500 + p
				FROM generate_series(1, 600) f, generate_series(0, 499) p
				""");
		this.jdbc.execute("""
				INSERT INTO claim_line (claim_id, position, line_no, item_code, item_name, unit_price, quantity, amount)
				SELECT c.id, l, l + 1, 'X00001', '药品1', 25.00, 1, 2500 FROM claim c, generate_series(0, 3) l
				WHERE c.id >= 10000000
				""");
		this.jdbc.execute(
				"""
						INSERT INTO settlement (claim_id, status, codes, message, policy_version, total, self_pay, self_pay_first,
						    deductible, segment, coinsurance, over_cap, fund, current_account, historical_account, family_account,
						    cash, settled_at)
						SELECT id, 'SETTLED', '', 'Settled.', '2013-01-01', 10000, 0, 0, 0, 0, 4000, 0, 6000, 0, 0, 0, 4000, now()
						FROM claim WHERE id >= 10000000
						""");
		this.jdbc.execute("""
				INSERT INTO ledger_entry (claim_id, person_id, kind, account, direction, amount, created_at)
				SELECT id, (SELECT min(person_id) FROM person), 'HISTORICAL', 'HISTORICAL', 'OUT', 1, now()
				FROM claim WHERE id >= 10000000
				""");
		this.jdbc.execute("ANALYZE");
	}

	/** Every connection of the application goes through the recorder. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Recording {

		@Bean
		static BeanPostProcessor recordingPlans() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof DataSource dataSource && beanName.equals("dataSource"))
							? recorder.wrap(dataSource) : bean;
				}
			};
		}

	}

}
