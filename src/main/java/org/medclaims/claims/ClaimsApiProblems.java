package org.medclaims.claims;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The claim search API's errors as problem+json: INVALID_INPUT with every bad field. */
@RestControllerAdvice(assignableTypes = ClaimsApiController.class)
class ClaimsApiProblems {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(InvalidCriteria ex) {
		List<Map<String, String>> errors = ex.problems()
			.stream()
			.map(p -> Map.of("field", p.field(), "message", p.message()))
			.toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				errors.size() == 1 ? ex.getMessage() + "." : errors.size() + " parameters are invalid; see errors.");
		problem.setTitle("Invalid input");
		problem.setProperty("code", "INVALID_INPUT");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException ex) {
		return invalid(new InvalidCriteria(List.of(new InvalidCriteria.Problem(ex.getName(),
				"must be a whole number, not '" + ex.getValue() + "'", null))));
	}

}
