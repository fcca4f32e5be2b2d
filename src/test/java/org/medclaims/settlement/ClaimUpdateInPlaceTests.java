package org.medclaims.settlement;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settling a claim writes its status, reject code and message only: PostgreSQL can update
 * it in place (HOT, V13) as long as no index of claim depends on those columns and its
 * pages keep room for a new version.
 */
@SpringBootTest
class ClaimUpdateInPlaceTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void noIndexOfClaimDependsOnWhatSettlementWrites() {
		assertThat(this.jdbc.queryForList("""
				SELECT i.indexrelid::regclass::text FROM pg_index i
				WHERE i.indrelid = 'claim'::regclass
				  AND (EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
				               AND a.attname IN ('status', 'reject_code', 'reject_message'))
				       OR pg_get_expr(i.indpred, i.indrelid) ~ '\\m(status|reject_code|reject_message)\\M'
				       OR pg_get_expr(i.indexprs, i.indrelid) ~ '\\m(status|reject_code|reject_message)\\M')
				""", String.class)).isEmpty();
		// the claim-number indexes exist and use the generated column instead
		assertThat(this.jdbc.queryForList("""
				SELECT pg_get_expr(indpred, indrelid) FROM pg_index
				WHERE indrelid = 'claim'::regclass AND indpred IS NOT NULL ORDER BY 1
				""", String.class)).containsExactly("(NOT number_in_use)", "number_in_use");
	}

	@Test
	void claimPagesKeepRoomForASecondVersionOfEveryRow() {
		assertThat(this.jdbc.queryForObject("SELECT reloptions::text FROM pg_class WHERE oid = 'claim'::regclass",
				String.class))
			.isEqualTo("{fillfactor=45}");
	}

}
