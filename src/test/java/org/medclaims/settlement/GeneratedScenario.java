package org.medclaims.settlement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medclaims.bench.DataGenerator;
import org.medclaims.policy.Balances;
import org.medclaims.policy.CatalogItem;
import org.medclaims.policy.Category;
import org.medclaims.policy.Certification;
import org.medclaims.policy.ClaimLine;
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
import org.medclaims.policy.TodaysExplanation;
import org.medclaims.policy.VisitType;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * A generated city (families, all visit types, both policy versions, a year boundary,
 * claim-level rejections) and the oracle the settlement job is compared with: the policy
 * engine applied claim after claim, in settlement order, in memory.
 */
public final class GeneratedScenario {

	static final int CLAIMS = 10_000;

	private static Path generated;

	private GeneratedScenario() {
	}

	/** Generated once per test JVM: {@code reference/} and {@code inbound/}. */
	public static synchronized Path files() {
		if (generated == null) {
			try {
				Path dir = Files.createTempDirectory("medclaims-scenario-");
				DataGenerator.generate(DataGenerator.Options.of(20131231L, CLAIMS, dir).withClaimsPerFile(500));
				generated = dir;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return generated;
	}

	static void copyInbound(Path inboundDir) throws IOException {
		Files.createDirectories(inboundDir);
		try (var files = Files.list(files().resolve("inbound"))) {
			for (Path file : files.toList()) {
				Files.copy(file, inboundDir.resolve(file.getFileName()));
			}
		}
	}

	/**
	 * What each waiting claim must become: the engine over the registry and balances now
	 * in the tables.
	 */
	static Oracle oracle(JdbcTemplate jdbc, ClaimValuer valuer) {
		InMemoryRegistry.Builder registry = InMemoryRegistry.builder();
		HouseholdState state = new HouseholdState();
		jdbc.query("SELECT person_id, name, category, status, current_account, historical_account FROM person",
				(RowCallbackHandler) rs -> {
					registry.person(new Person(rs.getString(1), rs.getString(2), Category.valueOf(rs.getString(3)),
							PersonStatus.valueOf(rs.getString(4))));
					state.putBalances(rs.getString(1),
							new Balances(Money.ofFen(rs.getLong(5)), Money.ofFen(rs.getLong(6))));
				});
		jdbc.query("SELECT grantor_id, member_id, relation, valid_from, valid_to FROM family_binding",
				(RowCallbackHandler) rs -> registry.binding(new FamilyBinding(rs.getString(1), rs.getString(2),
						Relation.valueOf(rs.getString(3)), date(rs.getObject(4)), date(rs.getObject(5)))));
		jdbc.query("SELECT item_code, name, self_pay_ratio, max_unit_price, valid_from, valid_to FROM catalog_item",
				(RowCallbackHandler) rs -> registry
					.catalogItem(new CatalogItem(rs.getString(1), rs.getString(2), Ratio.of(rs.getBigDecimal(3)),
							rs.getBigDecimal(4), date(rs.getObject(5)), date(rs.getObject(6)))));
		jdbc.query("SELECT code FROM special_disease",
				(RowCallbackHandler) rs -> registry.specialDisease(rs.getString(1)));
		jdbc.query("SELECT person_id, disease_code, valid_from, valid_to FROM certification",
				(RowCallbackHandler) rs -> registry.certification(new Certification(rs.getString(1), rs.getString(2),
						date(rs.getObject(3)), date(rs.getObject(4)))));
		InMemoryRegistry built = registry.build();

		Map<Long, ClaimToValue> claims = new LinkedHashMap<>();
		Map<Long, List<ClaimLine>> lines = new HashMap<>();
		jdbc.query(
				"SELECT claim_id, line_no, item_code, item_name, unit_price, quantity, amount FROM claim_line"
						+ " ORDER BY claim_id, position",
				(RowCallbackHandler) rs -> lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new ClaimLine(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
							rs.getBigDecimal(6), Money.ofFen(rs.getLong(7)))));
		jdbc.query("""
				SELECT c.id, c.claim_no, c.hospital_code, h.level, h.region, c.patient_id, c.visit_type, c.start_date,
				       c.end_date, c.special_disease_code
				FROM claim c JOIN claim_file f ON f.id = c.file_id JOIN hospital h ON h.code = c.hospital_code
				WHERE c.status = 'RECEIVED' ORDER BY c.end_date, f.file_name, c.file_id, c.position
				""",
				(RowCallbackHandler) rs -> claims.put(rs.getLong(1),
						new ClaimToValue(rs.getString(2), rs.getString(3), HospitalLevel.valueOf(rs.getString(4)),
								Region.valueOf(rs.getString(5)), rs.getString(6), VisitType.valueOf(rs.getString(7)),
								date(rs.getObject(8)), date(rs.getObject(9)), rs.getString(10),
								lines.getOrDefault(rs.getLong(1), List.of()), false, false)));
		Map<Long, ClaimValuation> valuations = new LinkedHashMap<>();
		Map<Long, List<String>> explanations = new HashMap<>();
		Map<Long, List<String>> rules = new HashMap<>();
		claims.forEach((id, claim) -> {
			ClaimValuation valuation = valuer.value(claim, built, state);
			if (valuation.settled()) {
				explanations.put(id, TodaysExplanation.sentences(valuer, claim, built, state));
				rules.put(id, TodaysExplanation.rules(claim, built));
			}
			state.apply(valuation);
			valuations.put(id, valuation);
		});
		return new Oracle(valuations, state, explanations, rules);
	}

	private static LocalDate date(Object value) {
		return value == null ? null : ((java.sql.Date) value).toLocalDate();
	}

	/**
	 * The expected valuation of each waiting claim (by claim id) and the balances
	 * afterwards; for each settled claim the explanation and line rules the engine built
	 * while settling, before it stored facts instead.
	 */
	record Oracle(Map<Long, ClaimValuation> valuations, HouseholdState state, Map<Long, List<String>> explanations,
			Map<Long, List<String>> rules) {
	}

}
