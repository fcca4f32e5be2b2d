package org.medclaims.settlement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Step 1 of settlement: assigns every waiting claim to its household, the connected component of
 * the family-binding graph its patient belongs to. A household's id is the smallest 17-digit body
 * of its members' IDs, so it is stable whatever order bindings are read in.
 */
class HouseholdGrouping implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(HouseholdGrouping.class);

	private final JdbcTemplate jdbc;

	HouseholdGrouping(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		Components components = new Components();
		this.jdbc.query("SELECT grantor_id, member_id FROM family_binding",
				(RowCallbackHandler) rs -> components.union(rs.getString(1), rs.getString(2)));
		int alone = this.jdbc.update("""
				UPDATE claim SET household_id = substring(patient_id, 1, 17)::bigint
				WHERE status = 'RECEIVED' AND household_id IS DISTINCT FROM substring(patient_id, 1, 17)::bigint
				""");
		this.jdbc.execute("CREATE TEMP TABLE household_member (person_id VARCHAR(18) PRIMARY KEY, household_id BIGINT)"
				+ " ON COMMIT DROP");
		List<Object[]> members = new ArrayList<>();
		components.forEachMember((person, household) -> members.add(new Object[] { person, household }));
		this.jdbc.batchUpdate("INSERT INTO household_member (person_id, household_id) VALUES (?, ?)", members);
		int bound = this.jdbc.update("""
				UPDATE claim c SET household_id = m.household_id FROM household_member m
				WHERE c.status = 'RECEIVED' AND c.patient_id = m.person_id AND c.household_id <> m.household_id
				""");
		Integer waiting = this.jdbc.queryForObject("SELECT count(*) FROM claim WHERE status = 'RECEIVED'", Integer.class);
		contribution.incrementWriteCount(waiting);
		log.info("{} waiting claims grouped into households ({} persons bound in families; {} + {} assignments changed)",
				waiting, members.size(), alone, bound);
		return RepeatStatus.FINISHED;
	}

	/** Union-find over person IDs; each root is the smallest 17-digit body of its component. */
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
			new ArrayList<>(this.parent.keySet())
				.forEach(id -> action.accept(id, Long.parseLong(find(id).substring(0, 17))));
		}

	}

}
