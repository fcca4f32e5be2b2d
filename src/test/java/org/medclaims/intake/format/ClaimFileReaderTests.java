package org.medclaims.intake.format;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medclaims.intake.format.ClaimFiles.CLAIM;
import static org.medclaims.intake.format.ClaimFiles.HEADER;
import static org.medclaims.intake.format.ClaimFiles.LINE;
import static org.medclaims.intake.format.ClaimFiles.NAME;
import static org.medclaims.intake.format.ClaimFiles.lines;
import static org.medclaims.intake.format.ClaimFiles.write;

class ClaimFileReaderTests {

	private static final String EXAMPLE = "H330282001_20140210_001.clm";

	@TempDir
	Path dir;

	@Test
	void shouldReadClaimsInFileOrderWithTheirLines() throws IOException {
		try (ClaimFileReader reader = ClaimFileReader.open(Fixtures.example(EXAMPLE), StandardCharsets.UTF_8)) {
			ParsedClaim first = reader.read();

			assertThat(first).isEqualTo(new ParsedClaim(0, 2, "C0000001", "330282196911186512", "何艳军", "OUT", "20130503",
					"20130503", "K35.9", "", "151.29", "3",
					List.of(new ParsedLine(3, "1", "X00074", "药品1", "96.66", "1.444", "139.58"),
							new ParsedLine(4, "2", "X00055", "药品2", "35.3684", "0.331", "11.71"))));
			assertThat(reader.position()).isEqualTo(1);
			ParsedClaim second = reader.read();
			assertThat(second.position()).isEqualTo(1);
			assertThat(second.lineNo()).isEqualTo(5);
			assertThat(second.specialDiseaseCode()).isEqualTo("SD01");
			assertThat(second.lines()).hasSize(8);
		}
	}

	@Test
	void shouldReadEveryClaimThenNull() throws IOException {
		List<String> claimNos = new ArrayList<>();
		try (ClaimFileReader reader = ClaimFileReader.open(Fixtures.example(EXAMPLE), StandardCharsets.UTF_8)) {
			ParsedClaim claim;
			while ((claim = reader.read()) != null) {
				claimNos.add(claim.claimNo());
			}
			assertThat(reader.read()).isNull();
			assertThat(reader.position()).isEqualTo(20);
		}

		assertThat(claimNos).hasSize(20).startsWith("C0000001", "C0000002").endsWith("C0000020");
	}

	@Test
	void shouldRestartAtAClaimPosition() throws IOException {
		ParsedClaim fromStart;
		try (ClaimFileReader reader = ClaimFileReader.open(Fixtures.example(EXAMPLE), StandardCharsets.UTF_8)) {
			for (int i = 0; i < 3; i++) {
				reader.read();
			}
			fromStart = reader.read();
		}

		try (ClaimFileReader reader = ClaimFileReader.open(Fixtures.example(EXAMPLE), StandardCharsets.UTF_8, 3)) {
			assertThat(reader.position()).isEqualTo(3);
			assertThat(reader.read()).isEqualTo(fromStart);
			assertThat(fromStart.claimNo()).isEqualTo("C0000004");
			assertThat(reader.read().position()).isEqualTo(4);
		}
	}

	@Test
	void shouldRestartPastTheLastClaimAtTheEnd() throws IOException {
		try (ClaimFileReader reader = ClaimFileReader.open(Fixtures.example(EXAMPLE), StandardCharsets.UTF_8, 20)) {
			assertThat(reader.read()).isNull();
		}
		try (ClaimFileReader reader = ClaimFileReader.open(Fixtures.example(EXAMPLE), StandardCharsets.UTF_8, 99)) {
			assertThat(reader.read()).isNull();
		}
	}

	@Test
	void shouldDecodeGbkNames() throws IOException {
		try (ClaimFileReader reader = ClaimFileReader.open(Fixtures.example("H330282003_20140210_001.clm"),
				Charset.forName("GBK"))) {
			ParsedClaim claim = reader.read();

			assertThat(claim.claimNo()).isEqualTo("C0000041");
			assertThat(claim.patientName()).isEqualTo("周丽艳");
			assertThat(claim.lines()).extracting(ParsedLine::itemName).containsExactly("药品1");
		}
	}

	@Test
	void shouldSkipTheByteOrderMarkAndStripCrButKeepALoneCr() throws IOException {
		String claim = CLAIM.replace("张三", "张\r三");
		Path file = write(this.dir, NAME, "\uFEFF" + HEADER + "\r\n" + claim + "\r\n" + LINE + "\r\nT|1|1|909.23");
		assertThat(new ClaimFileValidator(HospitalCheck.anyHospital()).validate(file).problems()).isEmpty();

		try (ClaimFileReader reader = ClaimFileReader.open(file, StandardCharsets.UTF_8)) {
			ParsedClaim read = reader.read();

			assertThat(read.patientName()).isEqualTo("张\r三");
			assertThat(read.lines()).extracting(ParsedLine::amount).containsExactly("909.23");
			assertThat(reader.read()).isNull();
		}
	}

	@Test
	void shouldReadAClaimWithoutLines() throws IOException {
		String empty = "C|C2|33028219400911796X|李四|OUT|20130705|20130705|K35.9||0.00|0";
		Path file = write(this.dir, NAME, lines(HEADER, empty, CLAIM, LINE, "T|2|1|909.23"));

		try (ClaimFileReader reader = ClaimFileReader.open(file, StandardCharsets.UTF_8)) {
			assertThat(reader.read().lines()).isEmpty();
			assertThat(reader.read().lines()).hasSize(1);
			assertThat(reader.read()).isNull();
		}
	}

}
