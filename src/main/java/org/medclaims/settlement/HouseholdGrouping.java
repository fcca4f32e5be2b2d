package org.medclaims.settlement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

import org.medclaims.claims.WaitingClaims;
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

	private final WaitingClaims claims;

	HouseholdGrouping(JdbcTemplate jdbc, WaitingClaims claims) {
		this.jdbc = jdbc;
		this.claims = claims;
	}

	// every statement in the step's transaction: the claims' table of household members
	// lives until it commits
	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		this.claims.analyze();
		Components components = new Components();
		this.jdbc.query("SELECT grantor_id, member_id FROM family_binding",
				(RowCallbackHandler) rs -> components.union(rs.getString(1), rs.getString(2)));
		int files = this.claims.groupFiles();
		WaitingClaims.Assignments assigned = this.claims.assignHouseholds(components::forEachMember);
		int waiting = this.claims.count();
		contribution.incrementWriteCount(waiting);
		log.info(
				"{} waiting claims grouped into households ({} files newly grouped, {} persons bound in families;"
						+ " {} + {} assignments changed)",
				waiting, files, assigned.boundPersons(), assigned.alone(), assigned.bound());
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
