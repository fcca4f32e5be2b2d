package org.medclaims.system;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What COPY stores is what was added: text format escapes, NULL, numbers, Chinese text.
 */
@SpringBootTest
class CopyRowsTests {

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void table() {
		this.jdbc.execute("CREATE TABLE copy_rows_probe (n BIGINT, t TEXT, u TEXT)");
	}

	@AfterEach
	void dropTable() {
		this.jdbc.execute("DROP TABLE copy_rows_probe");
	}

	@Test
	void valuesComeBackAsAdded() {
		List<String> texts = List.of("plain", "tab\there", "line\nbreak", "carriage\rreturn", "back\\slash \\N", "\\",
				"\\.", "\t\n", "张三 自理 28.46", "", "ends with \\");
		CopyRows rows = new CopyRows("copy_rows_probe (n, t, u)");
		for (int i = 0; i < texts.size(); i++) {
			rows.add(i).add(texts.get(i)).add(null).endRow();
		}

		assertThat(rows.rows()).isEqualTo(texts.size());
		assertThat(rows.copy(this.jdbc)).isEqualTo(texts.size());
		assertThat(this.jdbc.queryForList("SELECT t FROM copy_rows_probe ORDER BY n", String.class)).isEqualTo(texts);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM copy_rows_probe WHERE u IS NULL", Integer.class))
			.isEqualTo(texts.size());
	}

	@Test
	void aCharacterOutsideTheBasicPlaneSurvivesWhereverItFallsInTheText() {
		// 𠮷 is two Java chars; PgJDBC's Reader copy encoded 64K-char pieces apart and
		// split it into "??"
		for (int offset = 65_530; offset <= 65_537; offset++) {
			String name = "a".repeat(offset - 2) + "张𠮷三";
			CopyRows rows = new CopyRows("copy_rows_probe (n, t)");
			rows.add(offset).add(name).endRow();
			rows.copy(this.jdbc);
		}

		assertThat(this.jdbc.queryForList("SELECT DISTINCT substring(t FROM '张.*') FROM copy_rows_probe", String.class))
			.containsExactly("张𠮷三");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM copy_rows_probe", Integer.class)).isEqualTo(8);
	}

	@Test
	void nothingAddedCopiesNothing() {
		assertThat(new CopyRows("copy_rows_probe (n)").copy(this.jdbc)).isZero();
	}

}
