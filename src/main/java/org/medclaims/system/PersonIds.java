package org.medclaims.system;

/**
 * PRC resident ID numbers (居民身份证号码, GB 11643): 17 digits and an ISO 7064 MOD 11-2 check
 * character.
 */
public final class PersonIds {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private PersonIds() {
	}

	/**
	 * Whether the ID has 17 ASCII digits and the right check character. Only an
	 * upper-case {@code X} stands for 10, as the spec writes it; {@code x} is invalid.
	 */
	public static boolean isValid(String id) {
		if (id == null || id.length() != 18) {
			return false;
		}
		String digits = id.substring(0, 17);
		return digits.chars().allMatch(c -> c >= '0' && c <= '9') && id.charAt(17) == checkCharacter(digits);
	}

	/** The MOD 11-2 check character of 17 ASCII digits. */
	public static char checkCharacter(String first17Digits) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	/**
	 * The household of a person bound to nobody: the 17-digit body of the ID; a family's
	 * household is its smallest member's. Null for an ID without such a body.
	 */
	public static Long householdOf(String id) {
		if (id == null || id.length() < 17) {
			return null;
		}
		for (int i = 0; i < 17; i++) {
			if (id.charAt(i) < '0' || id.charAt(i) > '9') {
				return null;
			}
		}
		return Long.parseLong(id.substring(0, 17));
	}

	/** {@link #householdOf} in SQL, of a column holding valid IDs. */
	public static String householdOfSql(String column) {
		return "substring(" + column + ", 1, 17)::bigint";
	}

	/**
	 * The ID for logs: first 6 (region) and last 2 characters kept, e.g.
	 * {@code 330282**********37}.
	 */
	public static String mask(String id) {
		if (id == null) {
			return "null";
		}
		if (id.length() <= 8) {
			return "*".repeat(id.length());
		}
		return id.substring(0, 6) + "*".repeat(id.length() - 8) + id.substring(id.length() - 2);
	}

}
