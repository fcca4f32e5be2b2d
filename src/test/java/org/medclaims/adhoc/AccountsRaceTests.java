package org.medclaims.adhoc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.medclaims.CreditFiles;
import org.medclaims.TestRegistry;
import org.medclaims.accounts.AccountCredits;
import org.medclaims.accounts.LedgerCheck;
import org.medclaims.settlement.SettlementLauncher;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.medclaims.adhoc.AdhocRequests.claim;
import static org.medclaims.adhoc.AdhocRequests.json;
import static org.medclaims.adhoc.AdhocRequests.line;

/**
 * One household at the same moment: 20 clerks' ad-hoc claims, 5 reversals, a credit
 * import and a settlement run. Everything is serialised on the household's account locks:
 * no update is lost, every balance is opening + in - out, every settlement adds up, the
 * yearly totals count exactly the claims that stand, and no balance goes below zero.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "medclaims.security.users.clerk.password={noop}clerk",
				"medclaims.security.users.clerk.roles=CLERK", "medclaims.settlement.chunk-size=1",
				"medclaims.accounts.chunk-size=2" })
class AccountsRaceTests {

	static final String GRANTOR = TestRegistry.id("33028219600101111");

	static final String SPOUSE = TestRegistry.id("33028219620202222");

	static final String CHILD = TestRegistry.id("33028220050303333");

	static final String[] HOUSEHOLD = { GRANTOR, SPOUSE, CHILD };

	static final int CLERKS = 20;

	static final int REVERSALS = 5;

	static final int WAITING = 60;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SettlementLauncher launcher;

	@Autowired
	SettlementLauncher runs;

	@Autowired
	AccountCredits credits;

	@Autowired
	LedgerCheck ledgerCheck;

	@Value("${medclaims.test-data-dir}")
	Path data;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Test
	void clerksReversalsCreditsAndTheNightlyRunOnOneHouseholdLoseNothing() throws Exception {
		TestRegistry given = TestRegistry.workedExamples(this.jdbc);
		TestRegistry.forgetJobs(this.jdbc);
		given.person(GRANTOR, "IN_SERVICE", 50000, 300000)
			.person(SPOUSE, "RETIRED", 10000, 20000)
			.binding(GRANTOR, SPOUSE, "SPOUSE", LocalDate.of(2013, 1, 1))
			.binding(GRANTOR, CHILD, "CHILD", LocalDate.of(2013, 1, 1))
			.binding(SPOUSE, CHILD, "CHILD", LocalDate.of(2013, 1, 1));
		given.file("HOS1", "HOS1_20130601_001.clm");
		for (int i = 0; i < REVERSALS; i++) {
			given.claim("S" + i, HOUSEHOLD[i % 3], i == 1 ? "INP" : "OUT", LocalDate.of(2013, 5, 10 + i),
					i % 2 == 0 ? "DRUG-A" : "ITEM-B20", 20000 + 1000L * i);
		}
		assertThat(this.launcher.settle().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		for (int file = 0; file < 2; file++) {
			given.file("HOS2", "HOS2_20130701_00" + (file + 1) + ".clm");
			for (int i = 0; i < WAITING / 2; i++) {
				given.claim("W" + file + "-" + i, HOUSEHOLD[i % 3], i % 7 == 0 ? "INP" : "OUT",
						LocalDate.of(2013, 6, 1 + i % 28), i % 2 == 0 ? "DRUG-A" : "ITEM-B20", 1000 + 137L * i);
			}
		}
		List<String> creditRows = new ArrayList<>();
		for (int month = 1; month <= 12; month++) {
			creditRows.add(CreditFiles.row(GRANTOR, String.format("2013-%02d", month), "150.00"));
			creditRows.add(CreditFiles.row(SPOUSE, String.format("2013-%02d", month), "90.50"));
		}
		Path creditFile = CreditFiles.write(this.data.resolve("credits"), "2013.csv",
				creditRows.toArray(String[]::new));

		ExecutorService pool = Executors.newFixedThreadPool(CLERKS + REVERSALS + 2);
		CountDownLatch first = new CountDownLatch(1);
		CountDownLatch second = new CountDownLatch(1);
		Future<JobExecution> settlement = pool.submit(() -> {
			first.await();
			return this.launcher.settle();
		});
		Future<AccountCredits.Outcome> credit = pool.submit(() -> {
			first.await();
			// two launches at the same instant collide in the job repository's
			// serializable create: the run first
			await().atMost(Duration.ofSeconds(60)).until(() -> this.jdbc.queryForObject("""
					SELECT count(*) FROM batch_job_execution e JOIN batch_job_instance i USING (job_instance_id)
					WHERE i.job_name = 'settlementJob'
					""", Integer.class) >= 2);
			return this.credits.importFile(creditFile);
		});
		List<Future<HttpResponse<String>>> adhoc = new ArrayList<>();
		List<Future<HttpResponse<String>>> reversals = new ArrayList<>();
		for (int i = 0; i < CLERKS; i++) {
			Map<String, Object> body = claim("ADH-" + i, "HOS1", HOUSEHOLD[i % 3], "OUT", "2013-06-" + (10 + i % 10),
					line("DRUG-A", "40.00", "3", "120.00"), line("ITEM-B20", "33.33", "1", "33.33"));
			adhoc.add(pool.submit(request(i % 2 == 0 ? first : second, "/api/adhoc-claims", json(body))));
		}
		for (int i = 0; i < REVERSALS; i++) {
			reversals.add(pool.submit(request(i % 2 == 0 ? first : second, "/api/claims/HOS1/S" + i + "/reversal",
					json(Map.of("reason", "race " + i)))));
		}
		first.countDown();
		// a credit import and a settlement run never overlap: the one that found the
		// other running was refused,
		// and runs again, as an operator would, beside the second half of the clerks
		JobExecution settled = settlement.get();
		AccountCredits.Outcome credited = credit.get();
		assertThat(settled.getStatus() == BatchStatus.COMPLETED || credited.succeeded()).isTrue();
		Future<Boolean> again = pool.submit(() -> {
			second.await();
			if (settled.getStatus() != BatchStatus.COMPLETED) {
				return this.runs.settleEverythingWaiting()
					.stream()
					.allMatch(e -> e.getStatus() == BatchStatus.COMPLETED);
			}
			return this.credits.importFile(creditFile).succeeded();
		});
		second.countDown();

		for (Future<HttpResponse<String>> answer : adhoc) {
			assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(201);
		}
		for (Future<HttpResponse<String>> answer : reversals) {
			assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(200);
			assertThat(answer.get().body()).contains("\"status\":\"REVERSED\"");
		}
		assertThat(again.get()).isTrue();
		pool.shutdown();
		if (settled.getStatus() == BatchStatus.COMPLETED && credited.succeeded()) {
			// they did not meet: the run settled every file claim already
			assertThat(this.launcher.settle().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		}

		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim WHERE status = 'RECEIVED'", Integer.class))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim WHERE status = 'REVERSED'", Integer.class))
			.isEqualTo(REVERSALS);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim WHERE status = 'SETTLED'", Integer.class))
			.isEqualTo(WAITING + CLERKS);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_entry WHERE kind = 'CREDIT'", Integer.class))
			.isEqualTo(24);
		LedgerCheck.Result ledger = this.ledgerCheck.check();
		assertThat(ledger.mismatches()).isEmpty();
		assertThat(ledger.orphans()).isEmpty();
		assertThat(ledger.unmatched()).isEmpty();
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM person WHERE current_account < 0 OR historical_account < 0", Integer.class))
			.isZero();
		assertThat(this.jdbc.queryForObject(
				"""
						SELECT count(*) FROM settlement WHERE total <> fund + current_account + historical_account + family_account + cash
						   OR total <> self_pay + self_pay_first + deductible + segment + coinsurance + over_cap + fund + current_account
						""",
				Integer.class))
			.isZero();
		// what each claim paid from the accounts is its settlement's share: nothing lost,
		// nothing twice
		assertThat(this.jdbc.queryForObject(
				"""
						SELECT count(*) FROM settlement s
						LEFT JOIN (SELECT claim_id, sum(amount) AS paid FROM ledger_entry
						           WHERE kind IN ('CURRENT', 'HISTORICAL', 'FAMILY') GROUP BY claim_id) l ON l.claim_id = s.claim_id
						WHERE s.status = 'SETTLED' AND coalesce(l.paid, 0) <> s.current_account + s.historical_account + s.family_account
						""",
				Integer.class))
			.isZero();
		// the yearly totals count exactly the claims that stand (settled, not reversed)
		// of the insured patients
		assertThat(this.jdbc.queryForList(
				"""
						SELECT p.person_id FROM person p
						LEFT JOIN person_year y ON y.person_id = p.person_id AND y.year = 2013
						LEFT JOIN (SELECT c.patient_id, sum(s.fund) AS fund, sum(s.segment) AS segment,
						                  count(*) FILTER (WHERE c.visit_type = 'INP') AS admissions
						           FROM claim c JOIN settlement s ON s.claim_id = c.id
						           WHERE c.status = 'SETTLED' GROUP BY c.patient_id) t ON t.patient_id = p.person_id
						WHERE p.person_id IN (?, ?)
						  AND (coalesce(y.fund_paid, 0) <> coalesce(t.fund, 0) OR coalesce(y.segment_used, 0) <> coalesce(t.segment, 0)
						       OR coalesce(y.admissions, 0) <> coalesce(t.admissions, 0))
						""",
				String.class, GRANTOR, SPOUSE))
			.isEmpty();
		assertThat(
				this.jdbc.queryForObject("SELECT count(*) FROM person_year WHERE person_id = ?", Integer.class, CHILD))
			.isZero();
	}

	private Callable<HttpResponse<String>> request(CountDownLatch start, String path, String body) {
		String basic = "Basic " + Base64.getEncoder().encodeToString("clerk:clerk".getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.header("Authorization", basic)
			.timeout(Duration.ofSeconds(120))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return () -> {
			start.await();
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		};
	}

}
