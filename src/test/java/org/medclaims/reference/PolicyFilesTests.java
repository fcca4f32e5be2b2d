package org.medclaims.reference;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medclaims.MedclaimsApplication;
import org.medclaims.TestDatabases;
import org.medclaims.policy.Category;
import org.medclaims.policy.HospitalLevel;
import org.medclaims.policy.Money;
import org.medclaims.policy.PolicyBook;
import org.medclaims.policy.PolicyVersion;
import org.medclaims.policy.Ratio;
import org.medclaims.policy.Relation;
import org.medclaims.system.CommandLine;
import org.medclaims.system.MaskedMessageConverter;
import org.medclaims.system.OperatorMistake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyFilesTests {

	private static final Path SHIPPED = Path.of("config/policy");

	@TempDir
	Path dir;

	@Test
	void readsBothShippedVersionsWithEveryParameterOfPolicyMd() {
		PolicyBook book = PolicyFiles.loadBuiltIn();

		assertThat(book.versions()).extracting(PolicyVersion::id).containsExactly("2013-01-01", "2013-05-01");
		PolicyVersion baseline = book.versionOn(LocalDate.of(2013, 4, 30)).orElseThrow();
		PolicyVersion adjustment = book.versionOn(LocalDate.of(2013, 5, 1)).orElseThrow();
		assertThat(baseline.id()).isEqualTo("2013-01-01");
		assertThat(baseline.outpatientSelfPaySegment()).containsEntry(Category.IN_SERVICE, Money.parse("1000.00"))
			.containsEntry(Category.RETIRED, Money.parse("700.00"));
		assertThat(baseline.outpatientFundRatio().get(Category.RETIRED).get(HospitalLevel.SECONDARY))
			.isEqualTo(Ratio.of("0.75"));
		assertThat(baseline.inpatientDeductible()).containsEntry(HospitalLevel.TERTIARY, Money.parse("1000.00"));
		assertThat(baseline.inpatientSubsequentAdmissionFactor()).isEqualTo(Ratio.of("0.5"));
		assertThat(baseline.inpatientFundRatio().get(Category.IN_SERVICE).get(HospitalLevel.COMMUNITY))
			.isEqualTo(Ratio.of("0.90"));
		assertThat(baseline.specialDiseaseFundRatio().get(Category.IN_SERVICE).get(HospitalLevel.TERTIARY))
			.isEqualTo(Ratio.of("0.85"));
		assertThat(adjustment.specialDiseaseFundRatio().get(Category.RETIRED).get(HospitalLevel.COMMUNITY))
			.isEqualTo(Ratio.of("0.97"));
		assertThat(baseline.annualFundCap()).isEqualTo(Money.parse("150000.00"));
		assertThat(baseline.historicalAccountPaysSelfPayFirst()).isFalse();
		assertThat(adjustment.historicalAccountPaysSelfPayFirst()).isTrue();
		assertThat(baseline.familyCoverageEnabled()).isFalse();
		assertThat(adjustment.familyCoverageEnabled()).isTrue();
		assertThat(adjustment.familyCoverageRelations()).containsExactlyInAnyOrder(Relation.SPOUSE, Relation.PARENT,
				Relation.CHILD);
		assertThat(adjustment.adhocUnregisteredFirstSelfPay()).isEqualTo(Ratio.of("0.10"));
	}

	@Test
	void refusesAMissingParameterNamingFileAndKey() throws IOException {
		Path file = shippedWith("2013-05-01.yaml", "secondary: \"0.92\", tertiary: \"0.90\" }", "secondary: \"0.92\" }",
				"  special-disease:");

		assertRefused(
				"Policy file " + file + " lacks the parameter 'policy.special-disease.fund-ratio.in-service.tertiary'");
	}

	@Test
	void refusesARatioOutsideZeroToOne() throws IOException {
		Path file = shippedWith("2013-05-01.yaml", "unregistered-first-self-pay: \"0.10\"",
				"unregistered-first-self-pay: \"1.10\"", null);

		assertRefused("Policy file " + file + ": 'policy.adhoc.unregistered-first-self-pay' is 1.10, outside [0, 1].");
	}

	@Test
	void refusesAnUnknownKey() throws IOException {
		Path file = shippedWith("2013-05-01.yaml", "  annual-fund-cap: \"150000.00\"",
				"  annual-fund-cap: \"150000.00\"\n  annual-fund-kap: \"1.00\"", null);

		assertRefused("Policy file " + file + " has an unknown key 'policy.annual-fund-kap'");
	}

	@Test
	void refusesTwoVersionsOnOneDate() throws IOException {
		copyShipped("2013-01-01.yaml");
		Path second = this.dir.resolve("2013-01-01-again.yaml");
		Files.copy(SHIPPED.resolve("2013-01-01.yaml"), second);

		assertThatThrownBy(() -> PolicyFiles.load(this.dir)).isInstanceOf(OperatorMistake.class)
			.hasMessageContaining("both take effect on 2013-01-01 (key 'policy.effective-from')")
			.hasMessageContaining(second.toString());
	}

	@Test
	void refusesAnAmountWithMoreThanTwoDecimals() throws IOException {
		Path file = shippedWith("2013-01-01.yaml", "tertiary: \"1000.00\" }", "tertiary: \"1000.001\" }", null);

		assertRefused("Policy file " + file + ": 'policy.inpatient.deductible.tertiary' is 1000.001");
	}

	@Test
	void theApplicationRefusesToStartWithOneSentence() throws IOException {
		Path file = shippedWith("2013-05-01.yaml", "unregistered-first-self-pay: \"0.10\"",
				"unregistered-first-self-pay: \"-0.10\"", null);
		PrintStream stderr = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		OptionalInt exit;
		try {
			System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
			exit = CommandLine.run(MedclaimsApplication.class,
					new String[] { "settle", "--spring.datasource.url=" + TestDatabases.create("PolicyFilesTests"),
							"--spring.datasource.username=postgres", "--medclaims.policy-dir=" + this.dir });
		}
		finally {
			System.setErr(stderr);
		}

		assertThat(exit).hasValue(1);
		// stderr is masked: a temporary folder's long number reads like a resident ID
		assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo(MaskedMessageConverter
			.mask("Policy file " + file + ": 'policy.adhoc.unregistered-first-self-pay' is -0.10, outside [0, 1].")
				+ System.lineSeparator());
	}

	@Test
	void theBuiltInVersionsAreThoseOfConfigPolicyAndAFolderReplacesThem() throws IOException {
		assertThat(PolicyFiles.loadBuiltIn().versions()).isEqualTo(PolicyFiles.load(SHIPPED).versions());

		copyShipped("2013-01-01.yaml");

		assertThat(PolicyFiles.load(this.dir).versions()).extracting(PolicyVersion::id).containsExactly("2013-01-01");
	}

	@Test
	void refusesAnEmptyFolder() {
		assertThatThrownBy(() -> PolicyFiles.load(this.dir)).isInstanceOf(OperatorMistake.class)
			.hasMessageStartingWith("No policy version found in " + this.dir);
	}

	private void assertRefused(String message) {
		assertThatThrownBy(() -> PolicyFiles.load(this.dir)).isInstanceOf(OperatorMistake.class)
			.hasMessageContaining(message);
	}

	/**
	 * A shipped file with one text replaced (after the section {@code after} when given).
	 */
	private Path shippedWith(String name, String from, String to, String after) throws IOException {
		String text = Files.readString(SHIPPED.resolve(name));
		int start = after == null ? 0 : text.indexOf(after);
		int at = text.indexOf(from, start);
		assertThat(at).as("'%s' in %s", from, name).isNotNegative();
		Path file = this.dir.resolve(name);
		Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()));
		return file;
	}

	private void copyShipped(String name) throws IOException {
		Files.copy(SHIPPED.resolve(name), this.dir.resolve(name));
	}

}
