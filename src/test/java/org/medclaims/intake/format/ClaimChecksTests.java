package org.medclaims.intake.format;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medclaims.policy.Money;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimChecksTests {

	private static final LocalDate FILE_DATE = LocalDate.of(2013, 12, 31);

	private static final LocalDate EARLIEST_POLICY = LocalDate.of(2013, 1, 1);

	// C at line 10, its L records at 11 and 12
	private static ParsedClaim claim(String... overrides) {
		String[] c = { "C1", "33028219400911796X", "张三", "OUT", "20130705", "20130706", "K35.9", "", "921.63", "2" };
		String[][] l = { { "1", "X00075", "项目1", "454.6139", "2", "909.23" },
				{ "2", "X00076", "项目2", "12.34", "1.005", "12.40" } };
		for (String override : overrides) {
			String[] kv = override.split("=", 2);
			String key = kv[0];
			if (key.startsWith("L")) {
				l[key.charAt(1) - '1'][Integer.parseInt(key.substring(3, key.length() - 1))] = kv[1];
			}
			else {
				c[Integer.parseInt(key)] = kv[1];
			}
		}
		List<ParsedLine> lines = new ArrayList<>();
		for (int i = 0; i < l.length; i++) {
			lines.add(new ParsedLine(11 + i, l[i][0], l[i][1], l[i][2], l[i][3], l[i][4], l[i][5]));
		}
		return new ParsedClaim(4, 10, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], lines);
	}

	private static String verdict(ParsedClaim claim) {
		ClaimVerdict verdict = ClaimChecks.check(claim, FILE_DATE, EARLIEST_POLICY);
		return (verdict instanceof ClaimProblem p) ? p.code() + "@" + p.lineNo() : "valid";
	}

	@Test
	void shouldTypeAValidClaim() {
		ClaimVerdict verdict = ClaimChecks.check(claim(), FILE_DATE, EARLIEST_POLICY);

		assertThat(verdict).isEqualTo(new ValidClaim(4, 10, "C1", "33028219400911796X", "张三", "OUT",
				LocalDate.of(2013, 7, 5), LocalDate.of(2013, 7, 6), "K35.9", null, Money.ofFen(92163),
				List.of(new ValidLine(11, 1, "X00075", "项目1", new BigDecimal("454.6139"), new BigDecimal("2"),
						Money.ofFen(90923)),
						new ValidLine(12, 2, "X00076", "项目2", new BigDecimal("12.34"), new BigDecimal("1.005"),
								Money.ofFen(1240)))));
	}

	@Test
	void shouldKeepTheSpecialDiseaseCodeOnlyForSpd() {
		assertThat(((ValidClaim) ClaimChecks.check(claim("3=SPD", "7=SD01"), FILE_DATE, EARLIEST_POLICY))
			.specialDiseaseCode()).isEqualTo("SD01");
		assertThat(((ValidClaim) ClaimChecks.check(claim("3=SPD"), FILE_DATE, EARLIEST_POLICY)).specialDiseaseCode())
			.isNull();
		assertThat(((ValidClaim) ClaimChecks.check(claim("3=INP", "7=SD01"), FILE_DATE, EARLIEST_POLICY))
			.specialDiseaseCode()).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "0=; E_FORMAT@10", "0=C_1; E_FORMAT@10",
			"0=A23456789012345678901234567890123; E_FORMAT@10", "0=ADH-2013-000123; valid", "4=20130230; E_FORMAT@10",
			"4=00000101; E_FORMAT@10", "5=2013076; E_FORMAT@10", "5=２0130706; E_FORMAT@10", "8=921.5; E_FORMAT@10",
			"8=921.570; E_FORMAT@10", "8=-921.57; E_FORMAT@10", "8=+921.57; E_FORMAT@10", "8=92１.57; E_FORMAT@10",
			"8=12345678901.00; E_FORMAT@10", "9=; E_FORMAT@10", "9=1234567890; E_FORMAT@10", "9=-2; E_FORMAT@10",
			"9=002; valid", "L1[0]=x; E_FORMAT@11", "L2[3]=12.3; E_FORMAT@12", "L2[3]=12.34000; E_FORMAT@12",
			"L2[4]=1.0050; E_FORMAT@12", "L2[4]=1.; E_FORMAT@12", "L2[4]=-1.005; E_FORMAT@12",
			"L2[5]=12.3; E_FORMAT@12", "L2[5]=; E_FORMAT@12" })
	void shouldRejectAFieldOfWrongFormatAtItsRecord(String override, String expected) {
		assertThat(verdict(claim(override))).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "1=33028219400911796x", "1=330282194009117961", "1=3302821940091179", "1=" })
	void shouldRejectABadPatientId(String override) {
		assertThat(verdict(claim(override))).isEqualTo("E_PERSON_ID@10");
	}

	@ParameterizedTest
	@CsvSource({ "ER", "out", "''", "OUTP" })
	void shouldRejectAnUnknownVisitType(String visitType) {
		assertThat(verdict(claim("3=" + visitType))).isEqualTo("E_VISIT_TYPE@10");
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "4=20130707; E_DATES@10", "5=20140101; E_DATES@10",
			"4=20121230|5=20121231; E_DATES@10", "4=20121231|5=20130101; valid", "4=20131231|5=20131231; valid" })
	void shouldCheckTheDates(String overrides, String expected) {
		assertThat(verdict(claim(overrides.split("\\|")))).isEqualTo(expected);
	}

	@Test
	void shouldRejectAPriceTimesQuantityBeyondAnyAmountWithoutOverflowing() {
		assertThat(verdict(claim("L2[3]=9999999999.00", "L2[4]=9999999999"))).isEqualTo("E_LINE_AMOUNT@12");
	}

	@Test
	void shouldRejectALineCountThatDiffersFromTheLines() {
		assertThat(verdict(claim("9=3"))).isEqualTo("E_LINE_COUNT@10");
		assertThat(verdict(claim("9=1"))).isEqualTo("E_LINE_COUNT@10");
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "L2[4]=0; E_LINE_AMOUNT@12", "L2[4]=0.000; E_LINE_AMOUNT@12",
			"L2[5]=12.41; E_LINE_AMOUNT@12", "L1[5]=909.22; E_LINE_AMOUNT@11" })
	void shouldRejectAZeroQuantityOrAWrongLineAmount(String override, String expected) {
		assertThat(verdict(claim(override))).isEqualTo(expected);
	}

	@Test
	void shouldRoundLineAmountsHalfUpToTheFen() {
		// 1.0050 x 1 = 1.005 yuan: half a fen rounds up to 1.01 (not 1.00 as half-even
		// would)
		assertThat(verdict(claim("L2[3]=1.0050", "L2[4]=1", "L2[5]=1.01", "8=910.24"))).isEqualTo("valid");
		assertThat(verdict(claim("L2[3]=1.0050", "L2[4]=1", "L2[5]=1.00", "8=910.23"))).isEqualTo("E_LINE_AMOUNT@12");
		// 0.0049 x 1 = 0.0049: rounds down to 0.00, a valid zero amount with a positive
		// quantity
		assertThat(verdict(claim("L2[3]=0.0049", "L2[4]=1", "L2[5]=0.00", "8=909.23"))).isEqualTo("valid");
		// three-decimal quantity: 2.50 x 0.003 = 0.0075 -> 0.01
		assertThat(verdict(claim("L2[3]=2.50", "L2[4]=0.003", "L2[5]=0.01", "8=909.24"))).isEqualTo("valid");
		// 0.15 x 0.1 = 0.015 -> 0.02
		assertThat(verdict(claim("L2[3]=0.15", "L2[4]=0.1", "L2[5]=0.02", "8=909.25"))).isEqualTo("valid");
	}

	@Test
	void shouldRejectADeclaredTotalThatDiffersFromItsLines() {
		ClaimVerdict verdict = ClaimChecks.check(claim("8=921.64"), FILE_DATE, EARLIEST_POLICY);

		assertThat(verdict).isEqualTo(new ClaimProblem("E_CLAIM_TOTAL", 10,
				"Claim C1 (line 10): total 921.64 differs from the sum of its lines 921.63."));
	}

	@Test
	void shouldGiveTheFirstCodeInTableOrderOfSeveralProblems() {
		assertThat(verdict(claim("8=1.00", "9=5", "3=ER", "1=330282194009117961"))).isEqualTo("E_PERSON_ID@10");
		assertThat(verdict(claim("8=1.00", "9=5", "3=ER", "1=330282194009117961", "L2[5]=1"))).isEqualTo("E_FORMAT@12");
		assertThat(verdict(claim("8=1.00", "L2[4]=0", "9=5", "5=20130701"))).isEqualTo("E_DATES@10");
		assertThat(verdict(claim("8=1.00", "L2[4]=0", "9=5"))).isEqualTo("E_LINE_COUNT@10");
		assertThat(verdict(claim("8=1.00", "L2[4]=0"))).isEqualTo("E_LINE_AMOUNT@12");
	}

	@Test
	void shouldMaskThePatientIdInMessages() {
		ClaimProblem problem = (ClaimProblem) ClaimChecks.check(claim("1=330282194009117961"), FILE_DATE,
				EARLIEST_POLICY);

		assertThat(problem.message()).isEqualTo(
				"Claim C1 (line 10): patient ID 330282**********61 is malformed or its check character is wrong.");
	}

	@Test
	void shouldEchoTheDeclaredTotalOrZero() {
		assertThat(claim().declaredTotalOrZero()).isEqualTo(Money.ofFen(92163));
		assertThat(claim("8=92,157").declaredTotalOrZero()).isEqualTo(Money.ZERO);
	}

}
