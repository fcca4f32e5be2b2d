package org.medclaims.claims;

import java.util.List;

/**
 * Search criteria that cannot be used: answered 400 INVALID_INPUT by the API, shown
 * beside the form on pages.
 */
public class InvalidCriteria extends RuntimeException {

	/** One bad criterion: its field, the API's sentence, the page's message key. */
	public record Problem(String field, String message, String key) {
	}

	private final List<Problem> problems;

	InvalidCriteria(List<Problem> problems) {
		super(problems.get(0).field() + " " + problems.get(0).message());
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return this.problems;
	}

}
