package org.medclaims.adhoc;

import org.medclaims.TestRegistry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.medclaims.policy.Money;
import org.medclaims.accounts.LedgerCheck;
import org.medclaims.settlement.SettlementLauncher;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medclaims.adhoc.AdhocRequests.claim;
import static org.medclaims.adhoc.AdhocRequests.json;
import static org.medclaims.adhoc.AdhocRequests.line;

/**
 * Clerks and the settlement job on one household at the same moment: no update is lost,
 * nothing is settled twice, and every balance is its opening balance minus its ledger.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "medclaims.security.users.clerk.password={noop}clerk",
				"medclaims.security.users.clerk.roles=CLERK", "medclaims.settlement.chunk-size=1" })
class AdhocRaceTests {

	static final String GRANTOR = TestRegistry.id("33028219600101111");

	static final String SPOUSE = TestRegistry.id("33028219620202222");

	static final String CHILD = TestRegistry.id("33028220050303333");

	static final String[] HOUSEHOLD = { GRANTOR, SPOUSE, CHILD };

	static final int WAITING = 300;

	static final int CLERKS = 20;

	static final int DOUBLE_CLICKS = 5;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SettlementLauncher launcher;

	@Autowired
	LedgerCheck ledgerCheck;

	final JsonMapper json = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Test
	void twentyClerksAndTheNightlyJobSettleOneHouseholdWithoutLosingAnUpdate() throws Exception {
		TestRegistry given = TestRegistry.workedExamples(this.jdbc);
		given.person(GRANTOR, "IN_SERVICE", 50000, 300000)
			.person(SPOUSE, "RETIRED", 10000, 20000)
			.binding(GRANTOR, SPOUSE, "SPOUSE", LocalDate.of(2013, 1, 1))
			.binding(GRANTOR, CHILD, "CHILD", LocalDate.of(2013, 1, 1))
			.binding(SPOUSE, CHILD, "CHILD", LocalDate.of(2013, 1, 1));
		for (int file = 0; file < 3; file++) {
			given.file("HOS" + (file + 1), "HOS" + (file + 1) + "_20130701_00" + (file + 1) + ".clm");
			for (int i = 0; i < WAITING / 3; i++) {
				given.claim("W" + file + "-" + i, HOUSEHOLD[i % 3], i % 7 == 0 ? "INP" : "OUT",
						LocalDate.of(2013, 6, 1 + i % 28), i % 2 == 0 ? "DRUG-A" : "ITEM-B20", 1000 + 137L * i);
			}
		}

		ExecutorService pool = Executors.newFixedThreadPool(CLERKS + DOUBLE_CLICKS + 1);
		CountDownLatch start = new CountDownLatch(1);
		Future<JobExecution> settlement = pool.submit(() -> {
			start.await();
			return this.launcher.settle();
		});
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		for (int i = 0; i < CLERKS; i++) {
			Map<String, Object> body = claim("ADH-" + i, "HOS1", HOUSEHOLD[i % 3], "OUT", "2013-06-" + (10 + i % 10),
					line("DRUG-A", "40.00", "3", "120.00"), line("ITEM-B20", "33.33", "1", "33.33"));
			answers.add(pool.submit(submission(start, json(body))));
		}
		String doubleClicked = json(
				claim("ADH-TWICE", "HOS2", CHILD, "OUT", "2013-06-15", line("ITEM-B20", "55.55", "1", "55.55")));
		List<Future<HttpResponse<String>>> clicks = new ArrayList<>();
		for (int i = 0; i < DOUBLE_CLICKS; i++) {
			clicks.add(pool.submit(submission(start, doubleClicked)));
		}
		start.countDown();

		assertThat(settlement.get().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		for (Future<HttpResponse<String>> answer : answers) {
			HttpResponse<String> response = answer.get();
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			assertAddsUp(this.json.readTree(response.body()));
		}
		List<Integer> clickStatuses = new ArrayList<>();
		List<String> clickBodies = new ArrayList<>();
		for (Future<HttpResponse<String>> click : clicks) {
			clickStatuses.add(click.get().statusCode());
			clickBodies.add(click.get().body());
		}
		pool.shutdown();
		assertThat(clickStatuses).containsOnlyOnce(201).containsOnly(201, 200);
		assertThat(clickBodies).allMatch(clickBodies.get(0)::equals);
		assertAddsUp(this.json.readTree(clickBodies.get(0)));

		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim WHERE NOT adhoc AND status = 'SETTLED'",
				Integer.class))
			.isEqualTo(WAITING);
		assertThat(this.launcher.settle().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		LedgerCheck.Result ledger = this.ledgerCheck.check();
		assertThat(ledger.mismatches()).isEmpty();
		assertThat(ledger.orphans()).isEmpty();
		assertThat(ledger.entries()).isPositive();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim WHERE status = 'SETTLED'", Integer.class))
			.isEqualTo(WAITING + CLERKS + 1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim", Integer.class))
			.isEqualTo(WAITING + CLERKS + 1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM settlement", Integer.class))
			.isEqualTo(WAITING + CLERKS + 1);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM person WHERE current_account < 0 OR historical_account < 0", Integer.class))
			.isZero();
		// the household's accounts were used up: the order of settlement mattered
		assertThat(this.jdbc.queryForObject("SELECT historical_account FROM person WHERE person_id = ?", Long.class,
				GRANTOR))
			.isLessThan(300000L);
		// every stored settlement adds up too
		assertThat(this.jdbc.queryForObject(
				"""
						SELECT count(*) FROM settlement WHERE total <> fund + current_account + historical_account + family_account + cash
						   OR total <> self_pay + self_pay_first + deductible + segment + coinsurance + over_cap + fund + current_account
						""",
				Integer.class))
			.isZero();
	}

	private Callable<HttpResponse<String>> submission(CountDownLatch start, String body) {
		String basic = "Basic " + Base64.getEncoder().encodeToString("clerk:clerk".getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/adhoc-claims"))
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

	private static void assertAddsUp(JsonNode result) {
		assertThat(result.get("status").stringValue()).isEqualTo("SETTLED");
		JsonNode a = result.get("amounts");
		long total = fen(a, "total");
		assertThat(fen(a, "fund") + fen(a, "currentAccount") + fen(a, "historicalAccount") + fen(a, "familyAccount")
				+ fen(a, "cash"))
			.as(result.toString())
			.isEqualTo(total);
		assertThat(fen(a, "selfPay") + fen(a, "selfPayFirst") + fen(a, "deductible") + fen(a, "segment")
				+ fen(a, "coinsurance") + fen(a, "overCap") + fen(a, "fund") + fen(a, "currentAccount"))
			.as(result.toString())
			.isEqualTo(total);
		long family = 0;
		for (JsonNode payment : result.get("familyPayments")) {
			family += Money.parse(payment.get("amount").stringValue()).fen();
		}
		assertThat(family).isEqualTo(fen(a, "familyAccount"));
	}

	private static long fen(JsonNode amounts, String name) {
		return Money.parse(amounts.get(name).stringValue()).fen();
	}

}
