package org.medclaims.intake.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medclaims.intake.format.ClaimFiles.CLAIM;
import static org.medclaims.intake.format.ClaimFiles.HEADER;
import static org.medclaims.intake.format.ClaimFiles.LINE;
import static org.medclaims.intake.format.ClaimFiles.NAME;
import static org.medclaims.intake.format.ClaimFiles.lines;
import static org.medclaims.intake.format.ClaimFiles.write;

class ClaimFileScannerTests {

	private static final String EXAMPLE = "H330282001_20140210_001.clm";

	@TempDir
	Path dir;

	@Test
	void shouldReadClaimsInFileOrderWithTheirLines() throws IOException {
		try (ClaimFileScanner reader = scan(Fixtures.example(EXAMPLE))) {
			ParsedClaim first = reader.next();

			assertThat(first).isEqualTo(new ParsedClaim(0, 2, "C0000001", "330282196911186512", "何艳军", "OUT",
					"20130503", "20130503", "K35.9", "", "151.29", "3",
					List.of(new ParsedLine(3, "1", "X00074", "药品1", "96.66", "1.444", "139.58"),
							new ParsedLine(4, "2", "X00055", "药品2", "35.3684", "0.331", "11.71"))));
			ParsedClaim second = reader.next();
			assertThat(second.position()).isEqualTo(1);
			assertThat(second.lineNo()).isEqualTo(5);
			assertThat(second.specialDiseaseCode()).isEqualTo("SD01");
			assertThat(second.lines()).hasSize(8);
		}
	}

	@Test
	void shouldReadEveryClaimThenNull() throws IOException {
		List<String> claimNos = new ArrayList<>();
		try (ClaimFileScanner reader = scan(Fixtures.example(EXAMPLE))) {
			ParsedClaim claim;
			while ((claim = reader.next()) != null) {
				claimNos.add(claim.claimNo());
			}
			assertThat(reader.next()).isNull();
			assertThat(reader.validation().problems()).isEmpty();
			assertThat(reader.validation().claimCount()).isEqualTo(20);
		}

		assertThat(claimNos).hasSize(20).startsWith("C0000001", "C0000002").endsWith("C0000020");
	}

	@Test
	void shouldRestartAtAClaimPosition() throws IOException {
		ParsedClaim fromStart;
		try (ClaimFileScanner reader = scan(Fixtures.example(EXAMPLE))) {
			for (int i = 0; i < 3; i++) {
				reader.next();
			}
			fromStart = reader.next();
		}

		try (ClaimFileScanner reader = scan(Fixtures.example(EXAMPLE))) {
			assertThat(reader.skip(3)).isTrue();
			assertThat(reader.next()).isEqualTo(fromStart);
			assertThat(fromStart.claimNo()).isEqualTo("C0000004");
			assertThat(reader.next().position()).isEqualTo(4);
		}
	}

	@Test
	void shouldSkipPastTheLastClaimToTheVerdict() throws IOException {
		try (ClaimFileScanner reader = scan(Fixtures.example(EXAMPLE))) {
			assertThat(reader.skip(20)).isTrue();
			assertThat(reader.next()).isNull();
			assertThat(reader.validation().problems()).isEmpty();
		}
		try (ClaimFileScanner reader = scan(Fixtures.example(EXAMPLE))) {
			assertThat(reader.skip(99)).isFalse();
			assertThat(reader.validation().claimCount()).isEqualTo(20);
		}
	}

	@Test
	void shouldHandOutClaimsBeforeTheVerdictAndTellAProblemAsSoonAsItIsMet() throws IOException {
		Path file = write(this.dir, NAME,
				lines(HEADER, CLAIM, LINE, "X|junk", CLAIM.replace("C1|", "C2|"), LINE, "T|2|2|1818.46"));

		try (ClaimFileScanner reader = ClaimFileScanner.open(file, NAME, HospitalCheck.anyHospital())) {
			assertThat(reader.next().claimNo()).isEqualTo("C1");
			assertThat(reader.problemFound()).as("the unknown record after the first claim").isTrue();
			assertThatThrownBy(reader::validation).isInstanceOf(IllegalStateException.class);
			assertThat(reader.next().claimNo()).isEqualTo("C2");
			assertThat(reader.next()).isNull();
			assertThat(reader.validation().decisive().orElseThrow().code()).isEqualTo(FileProblem.F_RECORD);
		}
	}

	@Test
	void shouldDecodeGbkNames() throws IOException {
		try (ClaimFileScanner reader = scan(Fixtures.example("H330282003_20140210_001.clm"))) {
			ParsedClaim claim = reader.next();

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

		try (ClaimFileScanner reader = scan(file)) {
			ParsedClaim read = reader.next();

			assertThat(read.patientName()).isEqualTo("张\r三");
			assertThat(read.lines()).extracting(ParsedLine::amount).containsExactly("909.23");
			assertThat(reader.next()).isNull();
		}
	}

	@Test
	void shouldReadAClaimWithoutLines() throws IOException {
		String empty = "C|C2|33028219400911796X|李四|OUT|20130705|20130705|K35.9||0.00|0";
		Path file = write(this.dir, NAME, lines(HEADER, empty, CLAIM, LINE, "T|2|1|909.23"));

		try (ClaimFileScanner reader = scan(file)) {
			assertThat(reader.next().lines()).isEmpty();
			assertThat(reader.next().lines()).hasSize(1);
			assertThat(reader.next()).isNull();
		}
	}

	private static ClaimFileScanner scan(Path file) throws IOException {
		return ClaimFileScanner.open(file, file.getFileName().toString(), HospitalCheck.anyHospital());
	}

}
