package org.medclaims.claims;

/**
 * Text from a hospital's file on its way into PostgreSQL, which stores no NUL character.
 */
final class Texts {

	private Texts() {
	}

	static String storable(String text) {
		return (text == null || text.indexOf('\0') < 0) ? text : text.replace('\0', '\uFFFD');
	}

}
