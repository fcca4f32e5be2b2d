package org.medclaims.operations;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medclaims.CreditFiles;
import org.medclaims.accounts.LedgerCheck;
import org.medclaims.system.Command;
import org.medclaims.system.MedclaimsProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medclaims.CreditFiles.row;

/**
 * {@code run-once} with {@code medclaims.credits-dir}: every credits file, in name order,
 * after the reference import and before any claim file is taken in; a file with a bad row
 * stops the run before the intake.
 */
@SpringBootTest(properties = { "medclaims.reference-dir=config/reference",
		"medclaims.credits-dir=${medclaims.test-data-dir}/credits" })
class RunOnceCreditsTests {

	static final String ROSE = "330282194901117928";

	static final String LIU = "33028219400911796X";

	@Autowired
	List<Command> commands;

	@Autowired
	MedclaimsProperties folders;

	@Autowired
	LedgerCheck ledgerCheck;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${medclaims.test-data-dir}/credits")
	Path credits;

	@Test
	void creditsComeAfterTheRegistryAndBeforeTheClaimsAndABadFileStopsTheRun() throws Exception {
		Files.createDirectories(this.folders.inboundDir());
		Files.copy(Path.of("config/samples/H330282001_20140210_001.clm"),
				this.folders.inboundDir().resolve("H330282001_20140210_001.clm"));
		CreditFiles.write(this.credits, "2013-01.csv", row(ROSE, "2013-01", "100.00"), row(LIU, "2013-01", "10.00"));
		Path bad = CreditFiles.write(this.credits, "2013-02.csv", row(ROSE, "2013-02", "100.00"),
				row(LIU, "2013-02", "-1.00"));

		ByteArrayOutputStream err = new ByteArrayOutputStream();
		assertThat(runOnce(err)).isOne();

		assertThat(err.toString(StandardCharsets.UTF_8))
			.contains("2013-02.csv:3: amount '-1.00' is not an amount in" + " yuan with two decimals")
			.contains("were not all imported: no claim was taken in or settled");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim_file", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_entry WHERE kind = 'CREDIT'", Integer.class))
			.isEqualTo(2);

		Files.writeString(bad,
				"personId,month,amount\n" + row(ROSE, "2013-02", "100.00") + "\n" + row(LIU, "2013-02", "1.00") + "\n",
				StandardCharsets.UTF_8);
		assertThat(runOnce(new ByteArrayOutputStream())).isZero();

		assertThat(this.jdbc.queryForList(
				"""
						SELECT i.job_name || coalesce(' ' || substring(p.parameter_value from '[^/]*$'), '')
						FROM batch_job_execution e JOIN batch_job_instance i USING (job_instance_id)
						LEFT JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id AND p.parameter_name = 'file'
						WHERE e.status = 'COMPLETED' AND e.exit_code = 'COMPLETED'
						ORDER BY e.job_execution_id
						""",
				String.class))
			.containsSubsequence("referenceImportJob", "accountCreditJob 2013-02.csv", "claimIntakeJob",
					"settlementJob");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_entry WHERE kind = 'CREDIT'", Integer.class))
			.isEqualTo(4);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim WHERE status = 'SETTLED'", Integer.class))
			.isPositive();
		assertThat(this.ledgerCheck.check().consistent()).isTrue();
		// and again: every file was imported before, nothing changes
		assertThat(runOnce(new ByteArrayOutputStream())).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_entry WHERE kind = 'CREDIT'", Integer.class))
			.isEqualTo(4);
	}

	private int runOnce(ByteArrayOutputStream err) throws Exception {
		PrintStream original = System.err;
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		try {
			return this.commands.stream()
				.filter(c -> c.name().equals("run-once"))
				.findFirst()
				.orElseThrow()
				.run(List.of());
		}
		finally {
			System.setErr(original);
		}
	}

}
