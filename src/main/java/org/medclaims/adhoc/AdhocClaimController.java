package org.medclaims.adhoc;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.medclaims.system.PersonIds;
import org.medclaims.system.RequestBodyLimit;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clerks' API of interfaces.md: ad-hoc claims, claims by number, persons' accounts.
 */
@RestController
@RequestMapping("/api")
class AdhocClaimController {

	private final AdhocClaims claims;

	private final AdhocClaimValidator validator;

	private final ClaimQueries queries;

	private final JsonMapper json;

	AdhocClaimController(AdhocClaims claims, AdhocClaimValidator validator, ClaimQueries queries, JsonMapper json) {
		this.claims = claims;
		this.validator = validator;
		this.queries = queries;
		this.json = json;
	}

	@PostMapping("/adhoc-claims/preview")
	ClaimResult preview(@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String type, InputStream body)
			throws IOException, HttpMediaTypeNotSupportedException {
		return this.claims.preview(read(type, body));
	}

	@PostMapping("/adhoc-claims")
	ResponseEntity<ClaimResult> submit(@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String type,
			InputStream body) throws IOException, HttpMediaTypeNotSupportedException {
		AdhocClaims.Outcome outcome = this.claims.submit(read(type, body));
		return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.result());
	}

	@GetMapping("/claims/{hospitalCode}/{claimNo}")
	ClaimView claim(@PathVariable String hospitalCode, @PathVariable String claimNo) {
		return this.queries.claim(hospitalCode, claimNo);
	}

	@GetMapping("/persons/{personId}/account")
	PersonAccount account(@PathVariable String personId) {
		if (!PersonIds.isValid(personId)) {
			throw new InvalidInput("E_PERSON_ID", List.of(new FieldError("personId",
					"must be an 18-character resident ID whose check character matches (E_PERSON_ID)")));
		}
		return this.queries.account(personId);
	}

	private ValidAdhocClaim read(String type, InputStream body) throws IOException, HttpMediaTypeNotSupportedException {
		// JSON only: a cross-site form cannot send it (no CSRF token on this API), so
		// text/plain is refused
		if (!isJson(type)) {
			throw new HttpMediaTypeNotSupportedException("Content-Type " + type + " is not application/json");
		}
		byte[] bytes = body.readNBytes(RequestBodyLimit.MAX_BODY_BYTES + 1);
		if (bytes.length > RequestBodyLimit.MAX_BODY_BYTES) {
			throw new BodyTooLarge();
		}
		JsonNode root;
		try {
			root = this.json.readTree(bytes);
		}
		catch (JacksonException ex) {
			var at = ex.getLocation();
			throw InvalidInput.of("body",
					"The body is not well-formed JSON"
							+ (at == null || at.getLineNr() < 1 ? ""
									: " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
							+ "; send the ad-hoc claim as a JSON object.");
		}
		AdhocClaimJson.Read read = AdhocClaimJson.read(root);
		return this.validator.validate(read.input(), read.errors());
	}

	static boolean isJson(String type) {
		try {
			return type != null && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(type));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
