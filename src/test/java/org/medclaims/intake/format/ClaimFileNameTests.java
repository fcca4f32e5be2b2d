package org.medclaims.intake.format;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimFileNameTests {

	@Test
	void shouldParseHospitalDateAndSequence() {
		ClaimFileName name = ClaimFileName.parse("H330282001_20130612_001.clm").orElseThrow();

		assertThat(name).isEqualTo(new ClaimFileName("H330282001", LocalDate.of(2013, 6, 12), 1));
		assertThat(name.seqText()).isEqualTo("001");
		assertThat(name.fileDateText()).isEqualTo("20130612");
		assertThat(name.baseName()).isEqualTo("H330282001_20130612_001");
	}

	@Test
	void writesTheSequenceWithAsciiDigitsWhateverTheDefaultLocale() {
		Locale before = Locale.getDefault();
		try {
			Locale.setDefault(Locale.forLanguageTag("ar-EG"));
			assertThat(ClaimFileName.parse("H330282001_20130612_001.clm").orElseThrow().seqText()).isEqualTo("001");
		}
		finally {
			Locale.setDefault(before);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h330282001_bad.clm", "H330282001_20130612_001.CLM", "H33_20130612_001.clm",
			"H3302820010123456789X_20130612_001.clm", "H330282001_20130230_001.clm", "H330282001_20131301_001.clm",
			"H330282001_00000612_001.clm", "H330282001_2013061_001.clm", "H330282001_20130612_01.clm",
			"H330282001_20130612_0001.clm", "H330282001_20130612_001.clm.rej", "h330282001_20130612_001.clm",
			"H330282001-20130612-001.clm", "H330282001_２0130612_001.clm", "" })
	void shouldRejectNamesNotMatchingThePattern(String name) {
		assertThat(ClaimFileName.parse(name)).isEmpty();
	}

	@Test
	void shouldAcceptLeapDayAndLongestCode() {
		assertThat(ClaimFileName.parse("ABCDEFGHIJ0123456789_20120229_999.clm")).get()
			.extracting(ClaimFileName::seq)
			.isEqualTo(999);
	}

	@ParameterizedTest
	@ValueSource(strings = { "H330282001_20131231_910.clm.part", "H330282001_20131231_910.clm.tmp",
			".H330282001_20131231_910.clm", ".hidden" })
	void shouldRecogniseTemporaryNames(String name) {
		assertThat(ClaimFileName.isTemporary(name)).isTrue();
	}

	@Test
	void shouldNotTakeFinishedNamesForTemporary() {
		assertThat(ClaimFileName.isTemporary("H330282001_20131231_910.clm")).isFalse();
		assertThat(ClaimFileName.isTemporary("h330282001_bad.clm")).isFalse();
	}

	@Test
	void shouldReadTheHospitalPrefixEvenOfABadName() {
		assertThat(ClaimFileName.hospitalCodePrefix("H330282001_garbage.txt")).contains("H330282001");
		assertThat(ClaimFileName.hospitalCodePrefix("H330282001_20131231_902.clm")).contains("H330282001");
		assertThat(ClaimFileName.hospitalCodePrefix("h330282001_bad.clm")).isEmpty();
		assertThat(ClaimFileName.hospitalCodePrefix("H33_x.clm")).isEmpty();
		assertThat(ClaimFileName.hospitalCodePrefix("H330282001.clm")).isEmpty();
	}

}
