package org.medclaims.operations;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The jobs API's errors as problem+json with a {@code code}: NOT_FOUND, CONFLICT,
 * INVALID_INPUT.
 */
@RestControllerAdvice(assignableTypes = JobsApiController.class)
class JobsApiProblems {

	private static final Logger log = LoggerFactory.getLogger(JobsApiProblems.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(ExecutionNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> conflict(JobConflict ex) {
		return problem(HttpStatus.CONFLICT, "CONFLICT", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(InvalidInput ex) {
		ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "INVALID_INPUT",
				ex.field() + " " + ex.getMessage());
		response.getBody().setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
		return response;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException ex) {
		String message = "'" + ex.getValue() + "' is not a valid " + ex.getName();
		ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "INVALID_INPUT", message);
		response.getBody().setProperty("errors", List.of(Map.of("field", ex.getName(), "message", message)));
		return response;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		String message = "The body must be JSON such as {\"year\": 2013}.";
		ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "INVALID_INPUT", message);
		response.getBody().setProperty("errors", List.of(Map.of("field", "body", "message", message)));
		return response;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException ex) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "INVALID_INPUT", "Send the body as application/json.");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> databaseDown(DataAccessResourceFailureException ex) {
		log.error("Jobs API: the database is unreachable", ex);
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE",
				"The database is unreachable: try again when it is back.");
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setProperty("code", code);
		return ResponseEntity.status(status).body(problem);
	}

}
