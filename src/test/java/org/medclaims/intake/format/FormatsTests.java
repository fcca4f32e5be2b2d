package org.medclaims.intake.format;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written field checks accept exactly what claim-files.md's patterns accept. */
class FormatsTests {

	private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,10}\\.[0-9]{2}");

	private static final Pattern UNIT_PRICE = Pattern.compile("[0-9]{1,10}\\.[0-9]{2,4}");

	private static final Pattern QUANTITY = Pattern.compile("[0-9]{1,10}(\\.[0-9]{1,3})?");

	private static final Pattern COUNT = Pattern.compile("[0-9]{1,9}");

	private static final Pattern CLAIM_NO = Pattern.compile("[A-Za-z0-9-]{1,32}");

	private static final String ALPHABET = "0123456789.-+ aZ٣\uFF10";

	@Test
	void acceptExactlyWhatThePatternsAccept() {
		Random random = new Random(7);
		for (int i = 0; i < 200_000; i++) {
			String text = text(random);
			assertThat(Formats.amount(text) != null).as("amount '%s'", text).isEqualTo(AMOUNT.matcher(text).matches());
			assertThat(Formats.unitPrice(text) != null).as("unit price '%s'", text)
				.isEqualTo(UNIT_PRICE.matcher(text).matches());
			assertThat(Formats.quantity(text) != null).as("quantity '%s'", text)
				.isEqualTo(QUANTITY.matcher(text).matches());
			assertThat(Formats.count(text) >= 0).as("count '%s'", text).isEqualTo(COUNT.matcher(text).matches());
			assertThat(Formats.claimNo(text)).as("claim number '%s'", text).isEqualTo(CLAIM_NO.matcher(text).matches());
		}
	}

	@Test
	void readTheValues() {
		assertThat(Formats.amount("12.30").fen()).isEqualTo(1230);
		assertThat(Formats.amount("9999999999.99").fen()).isEqualTo(999_999_999_999L);
		assertThat(Formats.unitPrice("454.6139")).hasToString("454.6139");
		assertThat(Formats.quantity("2")).hasToString("2");
		assertThat(Formats.count("007")).isEqualTo(7);
		assertThat(Formats.date("20130229")).isNull();
		assertThat(Formats.date("2013022")).isNull();
		assertThat(Formats.date("20130228")).hasToString("2013-02-28");
	}

	private static String text(Random random) {
		int length = random.nextInt(16);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			// mostly digits and points, which is where the patterns' edges lie
			text.append(random.nextInt(4) > 0 ? (char) ('0' + random.nextInt(10))
					: ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return text.toString();
	}

}
