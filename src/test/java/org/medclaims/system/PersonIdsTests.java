package org.medclaims.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PersonIdsTests {

	// from the spec's examples/basic/reference/persons.csv
	@ParameterizedTest
	@ValueSource(strings = { "33028219400911796X", "330282194901117928", "330282199609012611", "330282194502107239",
			"33028220030722469X", "330282196103256084", "330282194801163281" })
	void shouldAcceptRealIds(String id) {
		assertThat(PersonIds.isValid(id)).isTrue();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "330282194801163280", // wrong check digit (examples:
													// E_PERSON_ID)
			"33028219400911796x", // lower-case x is not accepted
			"3302821940091179X6", "33028219400911796", "33028219400911796XX", "33028219400911796 ",
			"３30282194901117928", "33028219490111792８", "A30282194901117928" })
	void shouldRejectMalformedIdsAndWrongCheckCharacters(String id) {
		assertThat(PersonIds.isValid(id)).isFalse();
	}

	@Test
	void aPersonBoundToNobodyIsAHouseholdNamedByTheBodyOfTheId() {
		assertThat(PersonIds.householdOf("33028219400911796X")).isEqualTo(33028219400911796L);
		assertThat(PersonIds.householdOf("330282194901117928")).isEqualTo(33028219490111792L);
		assertThat(PersonIds.householdOf(null)).isNull();
		assertThat(PersonIds.householdOf("3302821940")).isNull();
		assertThat(PersonIds.householdOf("A30282194901117928")).isNull();
		assertThat(PersonIds.householdOfSql("c.patient_id")).isEqualTo("substring(c.patient_id, 1, 17)::bigint");
	}

	@Test
	void shouldMaskAllButRegionAndLastTwo() {
		assertThat(PersonIds.mask("330282199609012637")).isEqualTo("330282**********37");
		assertThat(PersonIds.mask("33028219400911796X")).isEqualTo("330282**********6X");
	}

	@Test
	void shouldMaskNullAndShortValuesSafely() {
		assertThat(PersonIds.mask(null)).isEqualTo("null");
		assertThat(PersonIds.mask("")).isEmpty();
		assertThat(PersonIds.mask("1234")).isEqualTo("****");
		assertThat(PersonIds.mask("123456789")).isEqualTo("123456*89");
	}

}
