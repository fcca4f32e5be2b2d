package org.medclaims.settlement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.medclaims.system.CopyRows;
import org.medclaims.system.PersonIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Step 1 of settlement: assigns every waiting claim to its household, the connected
 * component of the family-binding graph its patient belongs to. A household's id is the
 * smallest 17-digit body of its members' IDs, so it is stable whatever order bindings are
 * read in.
 */
class HouseholdGrouping implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(HouseholdGrouping.class);

	private final JdbcTemplate jdbc;

	HouseholdGrouping(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		// intake loads claims in bulk, faster than autovacuum (if on at all) samples
		// them: without fresh statistics
		// PostgreSQL planned the reader as 1,000 scans of a whole index (27 s per
		// partition at 1M claims, not 2 s)
		this.jdbc.execute("ANALYZE claim_file, claim, claim_line");
		Components components = new Components();
		this.jdbc.query("SELECT grantor_id, member_id FROM family_binding",
				(RowCallbackHandler) rs -> components.union(rs.getString(1), rs.getString(2)));
		// the files this run settles; their claims were all staged before they were
		// accepted
		// a file not grouped yet has no response yet: found through the index of the
		// unanswered ones
		int files = this.jdbc.update("UPDATE claim_file SET grouped_at = now() WHERE id IN (%s) AND grouped_at IS NULL"
			.formatted(WaitingClaims.UNANSWERED_FILES));
		this.jdbc.execute("CREATE TEMP TABLE household_member (person_id VARCHAR(18) PRIMARY KEY, household_id BIGINT)"
				+ " ON COMMIT DROP");
		CopyRows members = new CopyRows("household_member (person_id, household_id)");
		components.forEachMember((person, household) -> members.add(person).add(household).endRow());
		members.copy(this.jdbc);
		this.jdbc.execute("ANALYZE household_member");
		// intake staged each claim in its patient's own household: only claims of bound
		// patients move, and back
		String own = PersonIds.householdOfSql("c.patient_id");
		int alone = this.jdbc.update("""
				UPDATE claim c SET household_id = %s FROM claim_file f
				WHERE f.id = c.file_id AND %s AND c.household_id IS DISTINCT FROM %s
				  AND NOT EXISTS (SELECT 1 FROM household_member m WHERE m.person_id = c.patient_id)
				""".formatted(own, WaitingClaims.WAITING, own));
		int bound = this.jdbc.update("""
				UPDATE claim c SET household_id = m.household_id FROM household_member m, claim_file f
				WHERE f.id = c.file_id AND %s AND c.patient_id = m.person_id
				  AND c.household_id IS DISTINCT FROM m.household_id
				""".formatted(WaitingClaims.WAITING));
		Integer waiting = this.jdbc.queryForObject(
				"SELECT count(*) FROM %s WHERE %s".formatted(WaitingClaims.CLAIM_AND_FILE, WaitingClaims.WAITING),
				Integer.class);
		contribution.incrementWriteCount(waiting);
		log.info("{} waiting claims grouped into households ({} files newly grouped, {} persons bound in families;"
				+ " {} + {} assignments changed)", waiting, files, members.rows(), alone, bound);
		return RepeatStatus.FINISHED;
	}

	/**
	 * Union-find over person IDs; each root is the smallest 17-digit body of its
	 * component.
	 */
	static final class Components {

		private final Map<String, String> parent = new HashMap<>();

		void union(String a, String b) {
			String rootA = find(a);
			String rootB = find(b);
			if (!rootA.equals(rootB)) {
				if (rootA.compareTo(rootB) < 0) {
					this.parent.put(rootB, rootA);
				}
				else {
					this.parent.put(rootA, rootB);
				}
			}
		}

		String find(String id) {
			String root = id;
			for (String up = this.parent.get(root); up != null && !up.equals(root); up = this.parent.get(root)) {
				root = up;
			}
			for (String node = id; !node.equals(root);) {
				String up = this.parent.get(node);
				this.parent.put(node, root);
				node = up;
			}
			this.parent.putIfAbsent(root, root);
			return root;
		}

		void forEachMember(java.util.function.BiConsumer<String, Long> action) {
			new ArrayList<>(this.parent.keySet()).forEach(id -> action.accept(id, PersonIds.householdOf(find(id))));
		}

	}

}
