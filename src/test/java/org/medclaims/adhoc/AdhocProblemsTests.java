package org.medclaims.adhoc;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An error nobody foresaw is still answered as the API's problems are: problem+json with
 * a code.
 */
class AdhocProblemsTests {

	@Test
	void anUnexpectedErrorIsAProblemWithItsCodeAndNoInternals() {
		ResponseEntity<ProblemDetail> response = new AdhocProblems()
			.unexpected(new ArithmeticException("overflow in row 330282198001011237"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody().getProperties()).containsEntry("code", "INTERNAL_ERROR");
		assertThat(response.getBody().getDetail()).doesNotContain("overflow").doesNotContain("330282");
	}

}
