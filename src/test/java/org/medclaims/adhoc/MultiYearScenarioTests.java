package org.medclaims.adhoc;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.medclaims.CreditFiles;
import org.medclaims.TestRegistry;
import org.medclaims.accounts.AccountCredits;
import org.medclaims.accounts.YearEndRollover;
import org.medclaims.policy.AccountCredit;
import org.medclaims.policy.Balances;
import org.medclaims.policy.CatalogItem;
import org.medclaims.policy.Category;
import org.medclaims.policy.ClaimLine;
import org.medclaims.policy.ClaimReversal;
import org.medclaims.policy.ClaimToValue;
import org.medclaims.policy.ClaimValuation;
import org.medclaims.policy.ClaimValuer;
import org.medclaims.policy.FamilyBinding;
import org.medclaims.policy.HospitalLevel;
import org.medclaims.policy.HouseholdState;
import org.medclaims.policy.InMemoryRegistry;
import org.medclaims.policy.Money;
import org.medclaims.policy.Person;
import org.medclaims.policy.PersonStatus;
import org.medclaims.policy.Ratio;
import org.medclaims.policy.Region;
import org.medclaims.policy.Relation;
import org.medclaims.policy.VisitType;
import org.medclaims.policy.YearTotals;
import org.medclaims.accounts.LedgerCheck;
import org.medclaims.settlement.SettlementLauncher;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two generated years of four families: credits every month (one late, after the
 * rollover), hospital claims settled by the nightly job and ad-hoc claims by clerks
 * throughout, the rollover of 2013, and reversals. Every balance, every yearly total and
 * every settlement equals a sequential replay of the same operations through the policy
 * engine alone (ClaimValuer, HouseholdState), in memory.
 */
@SpringBootTest(properties = { "medclaims.security.users.clerk.password={noop}clerk",
		"medclaims.security.users.clerk.roles=CLERK", "medclaims.accounts.chunk-size=4" })
class MultiYearScenarioTests {

	static final String[] HOSPITALS = { "HOS1", "HOS2", "HOS3" };

	static final HospitalLevel[] LEVELS = { HospitalLevel.TERTIARY, HospitalLevel.SECONDARY, HospitalLevel.COMMUNITY };

	static final String[] ITEMS = { "DRUG-A", "ITEM-B10", "ITEM-B15", "ITEM-B20", "ITEM-C" };

	static final String[] RATIOS = { "0", "0.10", "0.15", "0.20", "1" };

	@Autowired
	ClaimValuer valuer;

	@Autowired
	AccountCredits credits;

	@Autowired
	SettlementLauncher settlement;

	@Autowired
	YearEndRollover rollover;

	@Autowired
	JobOperator jobOperator;

	@Autowired
	LedgerCheck ledgerCheck;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WebApplicationContext context;

	@Value("${medclaims.test-data-dir}")
	Path data;

	final Random random = new Random(20131231L);

	final List<String[]> families = new ArrayList<>();

	final List<String> insured = new ArrayList<>();

	final HouseholdState replay = new HouseholdState();

	final Map<String, ClaimValuation> settled = new LinkedHashMap<>();

	final Set<Integer> rolledOver = new HashSet<>();

	InMemoryRegistry registry;

	MockMvc mvc;

	TestRegistry given;

	@Test
	void twoYearsOfCreditsClaimsARolloverAndReversalsEqualTheEngineAlone() throws Exception {
		cityOfFourFamilies();
		String late = this.insured.get(0);
		int claims = 0;
		int reversals = 0;
		for (YearMonth month = YearMonth.of(2013, 1); !month.isAfter(YearMonth.of(2014, 12)); month = month
			.plusMonths(1)) {
			if (month.equals(YearMonth.of(2014, 1))) {
				assertThat(this.rollover.rollOver(2013, this.jobOperator).getStatus()).isEqualTo(BatchStatus.COMPLETED);
				this.insured.forEach(this.replay::rollOver);
				this.rolledOver.add(2013);
			}
			List<AccountCredit> monthly = new ArrayList<>();
			for (String person : this.insured) {
				if (!(person.equals(late) && month.equals(YearMonth.of(2013, 12)))) {
					monthly.add(new AccountCredit(person, month, Money.ofFen(5000 + this.random.nextInt(15000))));
				}
			}
			if (month.equals(YearMonth.of(2014, 2))) {
				// 2013-12 of one person arrives late: into the historical account
				monthly.add(new AccountCredit(late, YearMonth.of(2013, 12), Money.parse("123.45")));
			}
			credit(month, monthly);
			claims += hospitalClaims(month);
			claims += adhocClaims(month);
			if (month.getMonthValue() % 3 == 0) {
				reversals += reverseOne();
			}
		}
		assertThat(claims).isGreaterThan(100);
		assertThat(reversals).isGreaterThanOrEqualTo(6);

		for (String person : this.insured) {
			Balances expected = this.replay.balances(person);
			assertThat(balances(person)).as("balances of %s", person)
				.containsExactly(expected.currentAccount().fen(), expected.historicalAccount().fen());
			for (int year : List.of(2013, 2014)) {
				YearTotals totals = this.replay.yearTotals(person, year);
				assertThat(yearTotals(person, year)).as("%s of %s", year, person)
					.containsExactly(totals.fundPaid().fen(), totals.segmentUsed().fen(), (long) totals.admissions());
			}
		}
		for (Map.Entry<String, ClaimValuation> claim : this.settled.entrySet()) {
			String[] key = claim.getKey().split("/");
			var a = claim.getValue().amounts();
			assertThat(
					List.copyOf(this.jdbc
						.queryForMap(
								"""
										SELECT s.total, s.fund, s.current_account, s.historical_account, s.family_account, s.cash FROM settlement s
										JOIN claim c ON c.id = s.claim_id WHERE c.hospital_code = ? AND c.claim_no = ?
										""",
								key[0], key[1])
						.values()))
				.as("settlement of %s", claim.getKey())
				.containsExactly(a.total().fen(), a.fund().fen(), a.currentAccount().fen(), a.historicalAccount().fen(),
						a.familyAccount().fen(), a.cash().fen());
		}
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim WHERE status = 'REVERSED'", Integer.class))
			.isEqualTo(reversals);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM ledger_entry WHERE kind = 'CREDIT' AND account =" + " 'HISTORICAL'",
				Integer.class))
			.isEqualTo(1);
		assertThat(this.ledgerCheck.check().consistent()).isTrue();
	}

	/**
	 * Each family: an insured grantor and spouse, and a child covered only as their
	 * relative.
	 */
	private void cityOfFourFamilies() {
		this.given = TestRegistry.workedExamples(this.jdbc);
		TestRegistry.forgetJobs(this.jdbc);
		this.jdbc.update("DELETE FROM person_year");
		InMemoryRegistry.Builder registry = InMemoryRegistry.builder();
		for (int i = 0; i < ITEMS.length; i++) {
			registry.catalogItem(
					new CatalogItem(ITEMS[i], ITEMS[i], Ratio.of(RATIOS[i]), null, LocalDate.of(2012, 1, 1), null));
		}
		this.jdbc.queryForList("SELECT person_id FROM person", String.class).forEach(id -> {
			Balances opening = this.jdbc.queryForObject(
					"SELECT current_account, historical_account FROM person WHERE person_id = ?",
					(rs, n) -> new Balances(Money.ofFen(rs.getLong(1)), Money.ofFen(rs.getLong(2))), id);
			this.replay.putBalances(id, opening);
		});
		for (int f = 0; f < 4; f++) {
			String grantor = TestRegistry.id("3302821970010" + f + "101");
			String spouse = TestRegistry.id("3302821972020" + f + "202");
			String child = TestRegistry.id("3302822008030" + f + "303");
			long grantorHistorical = 20000L * (f + 1);
			this.given.person(grantor, "IN_SERVICE", 0, grantorHistorical)
				.person(spouse, "RETIRED", 5000, 1000)
				.binding(grantor, spouse, "SPOUSE", LocalDate.of(2012, 1, 1))
				.binding(grantor, child, "CHILD", LocalDate.of(2012, 1, 1))
				.binding(spouse, child, "CHILD", LocalDate.of(2012, 6, 1));
			registry.person(new Person(grantor, "g", Category.IN_SERVICE, PersonStatus.ACTIVE))
				.person(new Person(spouse, "s", Category.RETIRED, PersonStatus.ACTIVE))
				.binding(new FamilyBinding(grantor, spouse, Relation.SPOUSE, LocalDate.of(2012, 1, 1), null))
				.binding(new FamilyBinding(grantor, child, Relation.CHILD, LocalDate.of(2012, 1, 1), null))
				.binding(new FamilyBinding(spouse, child, Relation.CHILD, LocalDate.of(2012, 6, 1), null));
			this.replay.putBalances(grantor, new Balances(Money.ZERO, Money.ofFen(grantorHistorical)));
			this.replay.putBalances(spouse, new Balances(Money.ofFen(5000), Money.ofFen(1000)));
			this.families.add(new String[] { grantor, spouse, child });
			this.insured.add(grantor);
			this.insured.add(spouse);
		}
		this.registry = registry.build();
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context)
			.apply(springSecurity())
			.defaultRequest(get("/").with(httpBasic("clerk", "clerk")))
			.build();
	}

	private void credit(YearMonth month, List<AccountCredit> monthly) throws Exception {
		List<String> rows = new ArrayList<>();
		for (AccountCredit credit : monthly) {
			rows.add(CreditFiles.row(credit.personId(), credit.month().toString(), credit.amount().toString()));
			this.replay.credit(credit.personId(), credit.account(this.rolledOver), credit.amount());
		}
		AccountCredits.Outcome outcome = this.credits
			.importFile(CreditFiles.write(this.data.resolve("credits"), month + ".csv", rows.toArray(String[]::new)));
		assertThat(outcome.succeeded()).as(outcome.summary()).isTrue();
	}

	/**
	 * At most one claim per family and month in a run, so the run's order among families
	 * changes nothing.
	 */
	private int hospitalClaims(YearMonth month) throws Exception {
		List<ClaimToValue> claims = new ArrayList<>();
		for (int h = 0; h < HOSPITALS.length; h++) {
			this.given.file(HOSPITALS[h], HOSPITALS[h] + "_" + month.toString().replace("-", "") + "28_001.clm");
			for (String[] family : this.families) {
				if (this.random.nextInt(4) != 0 || claimsOf(claims, family)) {
					continue;
				}
				String patient = family[this.random.nextInt(3)];
				ClaimToValue claim = claim("F" + month + "-" + h + "-" + patient.substring(10, 14), h, patient, month,
						false);
				Object[][] lines = claim.lines()
					.stream()
					.map(l -> TestRegistry.line(l.itemCode(), l.unitPrice().toPlainString(), "1", l.amount().fen()))
					.toArray(Object[][]::new);
				this.given.claim(claim.claimNo(), patient, claim.visitType().name(), claim.endDate(), null, lines);
				claims.add(claim);
			}
		}
		assertThat(this.settlement.settle().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		for (ClaimToValue claim : claims) {
			record(claim, this.valuer.settle(claim, this.registry, this.replay));
		}
		return claims.size();
	}

	private boolean claimsOf(List<ClaimToValue> claims, String[] family) {
		return claims.stream().anyMatch(c -> List.of(family).contains(c.patientId()));
	}

	private int adhocClaims(YearMonth month) throws Exception {
		int count = 2 + this.random.nextInt(3);
		for (int i = 0; i < count; i++) {
			String[] family = this.families.get(this.random.nextInt(this.families.size()));
			int h = this.random.nextInt(HOSPITALS.length);
			ClaimToValue claim = claim("ADH-" + month + "-" + i, h, family[this.random.nextInt(3)], month, true);
			List<Map<String, Object>> lines = claim.lines()
				.stream()
				.map(l -> AdhocRequests.line(l.itemCode(), l.unitPrice().toPlainString(), "1", l.amount().toString()))
				.toList();
			@SuppressWarnings("unchecked")
			Map<String, Object> body = AdhocRequests.claim(claim.claimNo(), HOSPITALS[h], claim.patientId(),
					claim.visitType().name(), claim.endDate().toString(), lines.toArray(Map[]::new));
			this.mvc
				.perform(post("/api/adhoc-claims").contentType(MediaType.APPLICATION_JSON)
					.content(AdhocRequests.json(body)))
				.andExpect(status().isCreated());
			record(claim, this.valuer.settle(claim, this.registry, this.replay));
		}
		return count;
	}

	private int reverseOne() throws Exception {
		List<String> standing = this.settled.keySet()
			.stream()
			.filter(k -> "SETTLED".equals(this.jdbc.queryForObject(
					"SELECT status FROM claim WHERE hospital_code = ? AND claim_no = ?", String.class, k.split("/"))))
			.toList();
		String key = standing.get(this.random.nextInt(standing.size()));
		String[] number = key.split("/");
		this.mvc
			.perform(post("/api/claims/{h}/{n}/reversal", number[0], number[1]).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"generated scenario\"}"))
			.andExpect(status().isOk());
		this.replay.reverse(ClaimReversal.of(this.settled.get(key)));
		return 1;
	}

	private ClaimToValue claim(String claimNo, int hospital, String patient, YearMonth month, boolean adhoc) {
		List<ClaimLine> lines = new ArrayList<>();
		int count = 1 + this.random.nextInt(3);
		for (int n = 1; n <= count; n++) {
			Money amount = Money.ofFen(500 + this.random.nextInt(60000));
			lines.add(new ClaimLine(n, ITEMS[this.random.nextInt(ITEMS.length)], "项目", amount.toYuan(), BigDecimal.ONE,
					amount));
		}
		VisitType type = this.random.nextInt(6) == 0 ? VisitType.INP : VisitType.OUT;
		LocalDate day = month.atDay(1 + this.random.nextInt(27));
		return new ClaimToValue(claimNo, HOSPITALS[hospital], LEVELS[hospital], Region.LOCAL, patient, type, day, day,
				null, lines, adhoc, false);
	}

	private void record(ClaimToValue claim, ClaimValuation valuation) {
		if (valuation.settled()) {
			this.settled.put(claim.hospitalCode() + "/" + claim.claimNo(), valuation);
		}
	}

	private List<Long> balances(String person) {
		return this.jdbc.queryForObject("SELECT current_account, historical_account FROM person WHERE person_id = ?",
				(rs, n) -> List.of(rs.getLong(1), rs.getLong(2)), person);
	}

	private List<Long> yearTotals(String person, int year) {
		List<List<Long>> rows = this.jdbc.query(
				"SELECT fund_paid, segment_used, admissions FROM person_year WHERE person_id = ? AND year = ?",
				(rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)), person, year);
		return rows.isEmpty() ? List.of(0L, 0L, 0L) : rows.get(0);
	}

}
