package org.medclaims.adhoc;

import java.net.URI;

import org.medclaims.accounts.ReversalConflict;
import org.medclaims.system.RequestBodyLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The API's errors as RFC 9457 problems with a {@code code} (and {@code errors} for
 * invalid input).
 */
@RestControllerAdvice(assignableTypes = { AdhocClaimController.class, ReversalController.class })
class AdhocProblems {

	private static final Logger log = LoggerFactory.getLogger(AdhocProblems.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(InvalidInput ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ex.code(), "Invalid input", ex.errors().size() == 1
				? describe(ex.errors().get(0)) : ex.errors().size() + " fields are invalid; see errors.");
		problem.setProperty("errors", ex.errors());
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		return invalid(InvalidInput.of("body", "The body is not well-formed JSON."));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException ex) {
		return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, InvalidInput.CODE, "Unsupported media type",
				"Send the claim as application/json."));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooLarge(BodyTooLarge ex) {
		return respond(problem(HttpStatus.CONTENT_TOO_LARGE, RequestBodyLimit.CODE, "Content too large",
				RequestBodyLimit.tooLarge()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> duplicate(DuplicateClaim ex) {
		return respond(problem(HttpStatus.CONFLICT, "E_DUPLICATE_CLAIM", "Duplicate claim", ex.getMessage()));
	}

	// a hospital file's claim took the number between our check and our insert
	@ExceptionHandler
	ResponseEntity<ProblemDetail> duplicateKey(DuplicateKeyException ex) {
		return respond(problem(HttpStatus.CONFLICT, "E_DUPLICATE_CLAIM", "Duplicate claim",
				"The claim number was just taken by another claim of this hospital code (E_DUPLICATE_CLAIM)."));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notReversible(ReversalConflict ex) {
		return respond(problem(HttpStatus.CONFLICT, "CONFLICT", "Not reversible", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NotFound ex) {
		return respond(problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found", ex.getMessage()));
	}

	// whatever else goes wrong is still a problem with a code, and the log (IDs masked)
	// says what
	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Ad-hoc claim API: {}", ex.getMessage(), ex);
		return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Internal error",
				"The request could not be completed; nothing was recorded. Try again, or tell the operators."));
	}

	// errors[].field keeps the path; the sentence counts lines as people do ("line 2,
	// unitPrice must be …")
	private static String describe(FieldError error) {
		return error.field().equals("body") ? error.message() : error.humanField() + " " + error.message() + ".";
	}

	private static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("about:blank"));
		problem.setProperty("code", code);
		return problem;
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
