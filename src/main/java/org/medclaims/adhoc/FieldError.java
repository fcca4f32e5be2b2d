package org.medclaims.adhoc;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One bad field of a request, named as the client wrote it ({@code lines[2].amount}). The
 * API shows field and message; the desk shows the field as people count it ("line 3") and
 * the message in the page's language, from {@code key} and {@code args} (message keys
 * {@code validation.*}).
 */
record FieldError(String field, String message, @JsonIgnore String key, @JsonIgnore List<Object> args) {

	FieldError(String field, String message) {
		this(field, message, null, List.of());
	}

	FieldError {
		args = args == null ? List.of() : List.copyOf(args);
	}

	/**
	 * The field as people count lines: {@code lines[1].unitPrice} is "line 2, unitPrice".
	 */
	String humanField() {
		java.util.regex.Matcher line = java.util.regex.Pattern.compile("lines\\[(\\d+)\\]\\.?(.*)").matcher(this.field);
		if (line.matches()) {
			String rest = line.group(2);
			return "line " + (Integer.parseInt(line.group(1)) + 1) + (rest.isEmpty() ? "" : ", " + rest);
		}
		return this.field;
	}

}
