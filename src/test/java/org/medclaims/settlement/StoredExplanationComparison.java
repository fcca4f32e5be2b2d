package org.medclaims.settlement;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.medclaims.reference.PolicyFiles;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manual check, not part of the build: the same claim files run once by the code that
 * stored sentences (database {@code old}, then migrated by this code: V17 adds the facts
 * column) and once by this code ({@code new}); every claim's rendered detail (lines,
 * rules, family payments, explanation) must equal the JSON the old code stored.
 * {@code mvn test -Dtest=StoredExplanationComparison -Dmedclaims.compare.old=jdbc:postgresql://…/a?user=postgres
 * -Dmedclaims.compare.new=jdbc:postgresql://…/b?user=postgres}
 */
@EnabledIfSystemProperty(named = "medclaims.compare.old", matches = ".+")
class StoredExplanationComparison {

	@Test
	void everyClaimReadsAsTheOldCodeStoredIt() {
		JsonMapper json = JsonMapper.builder().build();
		SettlementDetails details = new SettlementDetails(json, PolicyFiles.loadBuiltIn());
		JdbcTemplate before = jdbc(System.getProperty("medclaims.compare.old"));
		JdbcTemplate after = jdbc(System.getProperty("medclaims.compare.new"));
		List<String> files = after.queryForList("SELECT file_name FROM claim_file ORDER BY file_name", String.class);
		assertThat(before.queryForList("SELECT file_name FROM claim_file ORDER BY file_name", String.class))
			.isEqualTo(files);
		long claims = 0;
		long factsBytes = 0;
		long settled = 0;
		for (String file : files) {
			String ofFile = "c.file_id = (SELECT id FROM claim_file WHERE file_name = ?)";
			List<StoredDetails.Stored> old = StoredDetails.read(before, details, ofFile, file);
			List<StoredDetails.Stored> now = StoredDetails.read(after, details, ofFile, file);
			assertThat(now).as(file).hasSameSizeAs(old);
			for (int i = 0; i < now.size(); i++) {
				StoredDetails.Stored was = old.get(i);
				StoredDetails.Stored is = now.get(i);
				assertThat(was.facts()).isNull();
				assertThat(is.legacyJson()).isNull();
				assertThat(is.position()).isEqualTo(was.position());
				assertThat(is.detail()).as("%s position %d", file, is.position()).isEqualTo(was.detail());
				claims++;
				if (is.facts() != null) {
					settled++;
					factsBytes += is.facts().length();
				}
			}
		}
		System.out.printf("%d settlements compared in %d files; facts: %.1f bytes per settled claim%n", claims,
				files.size(), (double) factsBytes / settled);
		assertThat(claims).isPositive();
	}

	private static JdbcTemplate jdbc(String url) {
		return new JdbcTemplate(new SingleConnectionDataSource(url, true));
	}

}
