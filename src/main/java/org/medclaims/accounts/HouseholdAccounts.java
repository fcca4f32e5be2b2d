package org.medclaims.accounts;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.medclaims.policy.Balances;
import org.medclaims.policy.CatalogItem;
import org.medclaims.policy.Category;
import org.medclaims.policy.Certification;
import org.medclaims.policy.ClaimLine;
import org.medclaims.policy.ClaimToValue;
import org.medclaims.policy.FamilyBinding;
import org.medclaims.policy.HouseholdState;
import org.medclaims.policy.InMemoryRegistry;
import org.medclaims.policy.Money;
import org.medclaims.policy.Person;
import org.medclaims.policy.PersonStatus;
import org.medclaims.policy.Ratio;
import org.medclaims.policy.Relation;
import org.medclaims.policy.YearTotals;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Locks the account rows claims may pay from and loads what their valuation needs. The
 * nightly settlement and the clerks' ad-hoc claims both go through here, so they never
 * race: the rows of the patients and of every grantor bound to them are locked
 * ({@code SELECT ... FOR UPDATE}) in person-ID order before any balance is read.
 */
@Component
public class HouseholdAccounts {

	private final JdbcTemplate jdbc;

	HouseholdAccounts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks and loads for these claims; call inside the transaction that will record
	 * them.
	 */
	public LockedAccounts lock(Collection<ClaimToValue> claims) {
		return load(claims, "FOR UPDATE");
	}

	/**
	 * Loads for a valuation that records nothing (a preview): the rows are share-locked,
	 * so a settlement or submit in progress is waited for rather than half seen, while
	 * previews of one household run side by side instead of queueing for the exclusive
	 * lock.
	 */
	public LockedAccounts lockShared(Collection<ClaimToValue> claims) {
		return load(claims, "FOR SHARE");
	}

	private LockedAccounts load(Collection<ClaimToValue> claims, String lockMode) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Account rows can only be locked inside a transaction");
		}
		Set<String> patients = new TreeSet<>();
		Set<String> itemCodes = new HashSet<>();
		Set<Integer> years = new HashSet<>();
		for (ClaimToValue claim : claims) {
			patients.add(claim.patientId());
			years.add(claim.serviceDate().getYear());
			claim.lines().stream().map(ClaimLine::itemCode).forEach(itemCodes::add);
		}
		InMemoryRegistry.Builder registry = InMemoryRegistry.builder();
		Set<String> accounts = new TreeSet<>(patients);
		for (FamilyBinding binding : bindingsOf(patients)) {
			registry.binding(binding);
			accounts.add(binding.grantorId());
		}
		HouseholdState state = new HouseholdState();
		Set<String> persons = lockPersons(accounts, lockMode, registry, state);
		loadYearTotals(persons, years, state);
		certificationsOf(patients).forEach(registry::certification);
		catalogOf(itemCodes).forEach(registry::catalogItem);
		this.jdbc.queryForList("SELECT code FROM special_disease", String.class).forEach(registry::specialDisease);
		return new LockedAccounts(registry.build(), state);
	}

	private List<FamilyBinding> bindingsOf(Set<String> members) {
		return this.jdbc.query("""
				SELECT grantor_id, member_id, relation, valid_from, valid_to FROM family_binding
				WHERE member_id = ANY (?)
				""",
				(rs, i) -> new FamilyBinding(rs.getString(1), rs.getString(2), Relation.valueOf(rs.getString(3)),
						rs.getObject(4, java.time.LocalDate.class), rs.getObject(5, java.time.LocalDate.class)),
				array(members));
	}

	// ORDER BY before FOR UPDATE: every locker takes rows in person-ID order, so none
	// deadlocks
	private Set<String> lockPersons(Set<String> ids, String lockMode, InMemoryRegistry.Builder registry,
			HouseholdState state) {
		Set<String> locked = new HashSet<>();
		this.jdbc.query("""
				SELECT person_id, name, category, status, current_account, historical_account FROM person
				WHERE person_id = ANY (?) ORDER BY person_id
				""" + lockMode, (RowCallbackHandler) rs -> {
			String id = rs.getString(1);
			locked.add(id);
			registry.person(new Person(id, rs.getString(2), Category.valueOf(rs.getString(3)),
					PersonStatus.valueOf(rs.getString(4))));
			state.putBalances(id, new Balances(Money.ofFen(rs.getLong(5)), Money.ofFen(rs.getLong(6))));
		}, array(ids));
		return locked;
	}

	private void loadYearTotals(Set<String> persons, Set<Integer> years, HouseholdState state) {
		this.jdbc.query("""
				SELECT person_id, year, fund_paid, segment_used, admissions FROM person_year
				WHERE person_id = ANY (?) AND year = ANY (?)
				""", rs -> {
			state.putYearTotals(rs.getString(1), rs.getInt(2),
					new YearTotals(Money.ofFen(rs.getLong(3)), Money.ofFen(rs.getLong(4)), rs.getInt(5)));
		}, array(persons),
				this.jdbc.execute((ConnectionCallback<Array>) c -> c.createArrayOf("integer", years.toArray())));
	}

	private List<Certification> certificationsOf(Set<String> patients) {
		return this.jdbc.query("""
				SELECT person_id, disease_code, valid_from, valid_to FROM certification WHERE person_id = ANY (?)
				""",
				(rs, i) -> new Certification(rs.getString(1), rs.getString(2),
						rs.getObject(3, java.time.LocalDate.class), rs.getObject(4, java.time.LocalDate.class)),
				array(patients));
	}

	private List<CatalogItem> catalogOf(Set<String> itemCodes) {
		return this.jdbc.query("""
				SELECT item_code, name, self_pay_ratio, max_unit_price, valid_from, valid_to FROM catalog_item
				WHERE item_code = ANY (?)
				""", (rs, i) -> item(rs), array(itemCodes));
	}

	private static CatalogItem item(ResultSet rs) throws SQLException {
		return new CatalogItem(rs.getString(1), rs.getString(2), Ratio.of(rs.getBigDecimal(3)), rs.getBigDecimal(4),
				rs.getObject(5, java.time.LocalDate.class), rs.getObject(6, java.time.LocalDate.class));
	}

	private Array array(Collection<String> values) {
		return this.jdbc.execute((Connection c) -> c.createArrayOf("text", values.toArray()));
	}

}
