package org.medclaims.reference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medclaims.Examples;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class ReferenceImportJobTests {

	private static final Path EXAMPLE = Examples.reference();

	@Autowired
	ReferenceImport referenceImport;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path dir;

	@BeforeEach
	void emptyRegistry() {
		this.jdbc.execute("TRUNCATE person_year, family_binding, certification, catalog_item, special_disease, "
				+ "hospital, person CASCADE");
	}

	@Test
	void importsTheSixFilesOfTheExample() throws Exception {
		ReferenceImport.Outcome outcome = this.referenceImport.importFrom(EXAMPLE);

		assertThat(outcome.succeeded()).isTrue();
		assertThat(count("person")).isEqualTo(40);
		assertThat(count("hospital")).isEqualTo(5);
		assertThat(count("catalog_item")).isEqualTo(90);
		assertThat(count("family_binding")).isEqualTo(20);
		assertThat(count("special_disease")).isEqualTo(5);
		assertThat(count("certification")).isEqualTo(5);
		Map<String, Object> person = this.jdbc
			.queryForMap("SELECT name, category, status, current_account, historical_account, opening_current_account"
					+ " FROM person WHERE person_id = '33028219400911796X'");
		assertThat(person).containsEntry("name", "刘超洋")
			.containsEntry("category", "IN_SERVICE")
			.containsEntry("current_account", 131637L)
			.containsEntry("historical_account", 0L)
			.containsEntry("opening_current_account", 131637L);
		assertThat(this.jdbc.queryForObject(
				"SELECT self_pay_ratio FROM catalog_item WHERE item_code = 'X00016' AND valid_from = DATE '2013-05-01'",
				java.math.BigDecimal.class))
			.isEqualByComparingTo("0.10");
		assertThat(outcome.summary()).contains("persons.csv: 40 rows imported");
	}

	@Test
	void anImportDuringASettlementRunChangesNothingAndSaysWhy() throws Exception {
		ReferenceImport.Outcome refused;
		try (java.sql.Connection other = this.jdbc.getDataSource().getConnection()) {
			// a settlement run of another process holds the lock of settlement runs and
			// reference imports
			other.createStatement().execute("SELECT pg_advisory_lock(5, 0)");
			refused = this.referenceImport.importFrom(EXAMPLE);
		}

		assertThat(refused.succeeded()).isFalse();
		assertThat(refused.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(refused.whatToDo())
			.contains("A settlement run, a credit import, a rollover or another reference import is in progress");
		assertThat(count("person")).isZero();
		assertThat(this.referenceImport.importFrom(EXAMPLE).succeeded()).isTrue();
		assertThat(count("person")).isEqualTo(40);
	}

	@Test
	void importingTheSameFolderTwiceChangesNothing() throws Exception {
		this.referenceImport.importFrom(EXAMPLE);
		List<Map<String, Object>> before = snapshot();

		ReferenceImport.Outcome second = this.referenceImport.importFrom(EXAMPLE);

		assertThat(second.succeeded()).isTrue();
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void reimportNeverChangesTheBalancesOfExistingPersons() throws Exception {
		copyExample();
		this.referenceImport.importFrom(this.dir);
		this.jdbc.update("UPDATE person SET current_account = 100 WHERE person_id = '33028219400911796X'");
		replace("persons.csv", "33028219400911796X,刘超洋,IN_SERVICE,ACTIVE,1316.37,0.00",
				"33028219400911796X,刘超洋改,RETIRED,SUSPENDED,9999.99,8888.88");

		assertThat(this.referenceImport.importFrom(this.dir).succeeded()).isTrue();

		Map<String, Object> person = this.jdbc
			.queryForMap("SELECT * FROM person WHERE person_id = '33028219400911796X'");
		assertThat(person).containsEntry("name", "刘超洋改")
			.containsEntry("category", "RETIRED")
			.containsEntry("status", "SUSPENDED")
			.containsEntry("current_account", 100L)
			.containsEntry("historical_account", 0L)
			.containsEntry("opening_current_account", 131637L);
	}

	@Test
	void aBadRowRejectsItsWholeFileAndNamesFileAndLine() throws Exception {
		copyExample();
		replace("persons.csv", "330282194901117928,罗英芳,IN_SERVICE,ACTIVE,0.00,12530.99",
				"330282194901117921,罗英芳,IN_SERVICE,ACTIVE,0.00,12530.99");
		replace("persons.csv", "330282199609012611,周艳涛,IN_SERVICE,ACTIVE,0.00,19669.83",
				"330282199609012611,周艳涛,WORKING,ACTIVE,0.00,19669.8");

		ReferenceImport.Outcome outcome = this.referenceImport.importFrom(this.dir);

		assertThat(outcome.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(outcome.execution().getExitStatus().getExitCode()).isEqualTo("INVALID");
		assertThat(outcome.succeeded()).isFalse();
		List<String> personProblems = outcome.problems().stream().filter(p -> p.startsWith("persons.csv")).toList();
		assertThat(personProblems).hasSize(2);
		assertThat(personProblems.get(0)).startsWith("persons.csv:3: personId '330282").contains("check character");
		assertThat(personProblems.get(1)).startsWith("persons.csv:4: ")
			.contains("category 'WORKING'")
			.contains("historicalAccount '19669.8' is not an amount");
		assertThat(count("person")).isZero();
		// the other files are still imported; bindings then name grantors that are
		// unknown
		assertThat(count("hospital")).isEqualTo(5);
		assertThat(outcome.problems()).filteredOn(p -> p.startsWith("family_bindings.csv"))
			.allMatch(p -> p.contains("is not a person of the registry"));
		assertThat(outcome.summary()).contains("persons.csv: NOT imported, bad rows",
				"family_bindings.csv: NOT imported, bad rows");
	}

	@Test
	void reportsEachKindOfBadRow() throws Exception {
		copyExample();
		replace("hospitals.csv", "H330282002,慈溪市第二人民医院,SECONDARY,LOCAL,true", "H330282002,慈溪市第二人民医院,BIG,NEARBY,yes");
		replace("catalog.csv", "X00016,项目16,0.10,,2013-05-01,", "X00016,项目16,0.10,,2013-04-30,");
		replace("catalog.csv", "X00001,项目1,0.15,188.00,2012-01-01,", "X00001,项目1,1.5,abc,2012-13-01,");
		replace("catalog.csv", "X00002,项目2,0.10,,2012-01-01,", "X00002,项目2,0.10,,0000-01-01,");
		replace("family_bindings.csv", "330282199911170901,330282196011263818,CHILD,2013-01-01,",
				"330282199706112796,330282196011263818,COUSIN,2013-01-01,2012-01-01");
		replace("family_bindings.csv", "330282199911170901,330282198901071665,PARENT,2013-05-01,",
				"330282198001011237,330282198901071665,PARENT,2013-05-01,");
		replace("certifications.csv", "330282199408037425,SD05,2013-01-01,", "330282199408037425,SD99,2013-01-01,");

		ReferenceImport.Outcome outcome = this.referenceImport.importFrom(this.dir);

		assertThat(outcome.problems()).satisfiesExactly(
				p -> assertThat(p).startsWith("hospitals.csv:3: ")
					.contains("level 'BIG'")
					.contains("region 'NEARBY'")
					.contains("designated 'yes'"),
				p -> assertThat(p).startsWith("catalog.csv:3: ")
					.contains("selfPayRatio '1.5' is above 1")
					.contains("maxUnitPrice 'abc'")
					.contains("validFrom '2012-13-01'"),
				p -> assertThat(p).isEqualTo("catalog.csv:4: validFrom '0000-01-01' is not a date yyyy-MM-dd"),
				p -> assertThat(p).startsWith("catalog.csv:19: ")
					.contains("item X00016 valid from 2013-04-30 overlaps")
					.contains("line 18"),
				p -> assertThat(p).startsWith("family_bindings.csv:2: ")
					.contains("relation 'COUSIN'")
					.contains("validTo 2012-01-01 is before validFrom 2013-01-01"),
				p -> assertThat(p).startsWith("family_bindings.csv:3: grantor 330282")
					.contains("is not a person of the registry"),
				p -> assertThat(p).startsWith("certifications.csv:2: diseaseCode 'SD99' is not a special disease"));
		assertThat(count("hospital")).isZero();
		assertThat(count("catalog_item")).isZero();
		assertThat(count("family_binding")).isZero();
		assertThat(count("certification")).isZero();
		assertThat(count("person")).isEqualTo(40);
	}

	@Test
	void refusesAFileWhoseHeaderDiffers() throws Exception {
		copyExample();
		replace("special_diseases.csv", "code,name", "code,title");

		ReferenceImport.Outcome outcome = this.referenceImport.importFrom(this.dir);

		assertThat(outcome.problems()).filteredOn(p -> p.startsWith("special_diseases.csv"))
			.containsExactly("special_diseases.csv:1: the header must be code,name but is code,title");
		assertThat(count("special_disease")).isZero();
	}

	@Test
	void refusesAKeyThatAppearsTwiceInAFile() throws Exception {
		copyExample();
		Path persons = this.dir.resolve("persons.csv");
		Files.writeString(persons, Files.readString(persons) + "330282194901117928,罗英芳二,RETIRED,ACTIVE,0.00,1.00\n");

		ReferenceImport.Outcome outcome = this.referenceImport.importFrom(this.dir);

		assertThat(outcome.problems())
			.contains("persons.csv:42: personId '330282**********28' appears again" + " (first on line 3)");
		assertThat(count("person")).isZero();
	}

	@Test
	void refusesAFileThatIsNotUtf8AndPricesWithMoreThanFourDecimals() throws Exception {
		copyExample();
		Path persons = this.dir.resolve("persons.csv");
		Files.write(persons, Files.readString(persons).getBytes(java.nio.charset.Charset.forName("GBK")));
		replace("catalog.csv", "X00001,项目1,0.15,188.00,2012-01-01,", "X00001,项目1,0.15,188.00001,2012-01-01,");

		ReferenceImport.Outcome outcome = this.referenceImport.importFrom(this.dir);

		assertThat(outcome.problems())
			.anySatisfy(p -> assertThat(p).startsWith("persons.csv:0: cannot be read as UTF-8 CSV"));
		assertThat(outcome.problems())
			.contains("catalog.csv:3: maxUnitPrice '188.00001' is not a price in yuan with at most four decimals");
		assertThat(count("person")).isZero();
		assertThat(count("catalog_item")).isZero();
	}

	@Test
	void leavesATableAloneWhenItsFileIsAbsent() throws Exception {
		this.referenceImport.importFrom(EXAMPLE);
		Files.writeString(this.dir.resolve("hospitals.csv"),
				"code,name,level,region,designated\nH330282005,新医院,COMMUNITY,LOCAL,true\n");

		ReferenceImport.Outcome outcome = this.referenceImport.importFrom(this.dir);

		assertThat(outcome.succeeded()).isTrue();
		assertThat(count("hospital")).isEqualTo(6);
		assertThat(count("catalog_item")).isEqualTo(90);
		assertThat(outcome.summary()).contains("catalog.csv: not present, left unchanged");
	}

	private List<Map<String, Object>> snapshot() {
		return this.jdbc.queryForList(
				"""
						SELECT 'p' AS t, person_id || name || category || status || current_account || historical_account AS v FROM person
						UNION ALL SELECT 'b', grantor_id || member_id || relation || valid_from || coalesce(valid_to::text, '') FROM family_binding
						UNION ALL SELECT 'c', item_code || self_pay_ratio || coalesce(max_unit_price::text, '') || valid_from FROM catalog_item
						UNION ALL SELECT 'h', code || name || level || region || designated FROM hospital
						UNION ALL SELECT 'x', person_id || disease_code || valid_from FROM certification
						ORDER BY 1, 2
						""");
	}

	private int count(String table) {
		return this.jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
	}

	private void copyExample() throws IOException {
		try (var files = Files.list(EXAMPLE)) {
			for (Path file : files.toList()) {
				Files.copy(file, this.dir.resolve(file.getFileName()));
			}
		}
	}

	private void replace(String file, String from, String to) throws IOException {
		Path path = this.dir.resolve(file);
		String content = Files.readString(path, StandardCharsets.UTF_8);
		assertThat(content).contains(from);
		Files.writeString(path, content.replace(from, to), StandardCharsets.UTF_8);
	}

}
