package org.medclaims.intake.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The spec's example inbound files give the codes of its expected outbound files. */
class ExampleFilesTests {

	// reference/hospitals.csv: H330282099 is registered but not designated
	private static final HospitalCheck REGISTRY = code -> switch (code) {
		case "H330282001", "H330282002", "H330282003", "H330282004" -> Optional.empty();
		case "H330282099" -> Optional.of("Hospital H330282099 is not designated (定点).");
		default -> Optional.of("Hospital " + code + " is not in the registry.");
	};

	private static final LocalDate EARLIEST_POLICY = LocalDate.of(2013, 1, 1);

	private final ClaimFileValidator validator = new ClaimFileValidator(REGISTRY);

	@ParameterizedTest
	@CsvSource({ "H330282001_20131231_902.clm, F_EMPTY", "H330282001_20131231_903.clm, F_HEADER",
			"H330282099_20131231_904.clm, F_HOSPITAL", "H330282001_20131231_905.clm, F_RECORD",
			"H330282001_20131231_906.clm, F_TRAILER", "H330282001_20131231_907.clm, F_TRAILER_MISMATCH",
			"H330282001_20131231_908.clm, F_ENCODING", "H330282002_20131231_909.clm, F_RECORD",
			"h330282001_bad.clm, F_NAME" })
	void shouldRejectEachBadExampleWithItsExpectedCode(String name, String code) throws IOException {
		FileValidation validation = this.validator.validate(Fixtures.example(name));

		assertThat(validation.accepted()).isFalse();
		assertThat(validation.decisive()).get().extracting(FileProblem::code).isEqualTo(code);
	}

	@ParameterizedTest
	@CsvSource({ "H330282001_20131231_903.clm, 1", "H330282001_20131231_905.clm, 3", "H330282001_20131231_907.clm, 21",
			"H330282001_20131231_908.clm, 3", "H330282002_20131231_909.clm, 2" })
	void shouldNameTheLineOfTheDecisiveProblem(String name, long line) throws IOException {
		FileValidation validation = this.validator.validate(Fixtures.example(name));

		assertThat(validation.decisive()).get().extracting(FileProblem::lineNo).isEqualTo(line);
	}

	@ParameterizedTest
	@ValueSource(strings = { "H330282001_20140210_001.clm", "H330282002_20140210_001.clm",
			"H330282003_20140210_001.clm", "H330282004_20131231_001.clm" })
	void shouldAcceptGoodExamplesAndGiveTheClaimCodesOfTheirResponses(String name) throws IOException {
		FileValidation validation = this.validator.validate(Fixtures.example(name));
		assertThat(validation.problems()).isEmpty();
		assertThat(validation.claimCount()).isEqualTo(20);

		LocalDate fileDate = ClaimFileName.parse(name).orElseThrow().fileDate();
		List<String> actual = new ArrayList<>();
		try (ClaimFileScanner reader = ClaimFileScanner.open(Fixtures.example(name), name,
				HospitalCheck.anyHospital())) {
			ParsedClaim claim;
			while ((claim = reader.next()) != null) {
				ClaimVerdict verdict = ClaimChecks.check(claim, fileDate, EARLIEST_POLICY);
				actual.add(claim.claimNo() + " " + claim.declaredTotalOrZero() + " "
						+ ((verdict instanceof ClaimProblem p) ? p.code() : "-"));
			}
		}

		assertThat(actual).containsExactlyElementsOf(expectedFromResponse(name.replace(".clm", ".res")));
	}

	// the .res codes this layer decides (E_FORMAT to E_CLAIM_TOTAL), "-" for the rest
	private static List<String> expectedFromResponse(String resName) throws IOException {
		List<String> expected = new ArrayList<>();
		for (String line : Files.readAllLines(Fixtures.example(resName), StandardCharsets.UTF_8)) {
			String[] f = line.split("\\|", -1);
			if (f[0].equals("R")) {
				String code = ClaimProblem.ORDER.indexOf(f[15]) >= 0
						&& ClaimProblem.ORDER.indexOf(f[15]) <= ClaimProblem.ORDER.indexOf(ClaimProblem.E_CLAIM_TOTAL)
								? f[15] : "-";
				expected.add(f[1] + " " + f[3] + " " + code);
			}
		}
		return expected;
	}

	@ParameterizedTest
	@ValueSource(strings = { "H330282001_20140210_001.clm", "H330282003_20140210_001.clm" })
	void shouldSumTheTrailerValues(String name) throws IOException {
		FileValidation validation = this.validator.validate(Fixtures.example(name));
		String trailer = lastLine(name);

		assertThat("T|" + validation.claimCount() + "|" + validation.lineCount() + "|" + validation.totalAmount())
			.isEqualTo(trailer);
	}

	private static String lastLine(String name) throws IOException {
		List<String> lines = Files.readAllLines(Fixtures.example(name), StandardCharsets.ISO_8859_1);
		return lines.get(lines.size() - 1).strip();
	}

	@ParameterizedTest
	@ValueSource(strings = { "H330282001_20131231_910.clm.part" })
	void shouldLeaveTemporaryFilesAlone(String name) {
		assertThat(ClaimFileName.isTemporary(name)).isTrue();
	}

}
