package org.medclaims.adhoc;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.medclaims.accounts.Reversals;
import org.medclaims.claims.ReversalRow;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reversals (冲正, accounts.md): reversing a settled claim, and the report of reversals as
 * JSON or CSV.
 */
@RestController
@RequestMapping("/api")
class ReversalController {

	static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private static final int MAX_BODY_BYTES = 16 * 1024;

	private final ClaimReversalRequests requests;

	private final Reversals reversals;

	private final ClaimQueries queries;

	private final JsonMapper json;

	ReversalController(ClaimReversalRequests requests, Reversals reversals, ClaimQueries queries, JsonMapper json) {
		this.requests = requests;
		this.reversals = reversals;
		this.queries = queries;
		this.json = json;
	}

	/** 200 with the claim and its reversal, the first time and every time after. */
	@PostMapping("/claims/{hospitalCode}/{claimNo}/reversal")
	ClaimView reverse(@PathVariable String hospitalCode, @PathVariable String claimNo,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String type, InputStream body)
			throws IOException, HttpMediaTypeNotSupportedException {
		this.requests.reverse(hospitalCode, claimNo, reason(type, body));
		return this.queries.claim(hospitalCode, claimNo);
	}

	@GetMapping("/reversals")
	Report report(@RequestParam(required = false) String hospital, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		List<ReversalRow> rows = rows(hospital, from, to);
		return new Report(rows.size(), rows);
	}

	@GetMapping(path = "/reversals", produces = "text/csv")
	ResponseEntity<String> reportAsCsv(@RequestParam(required = false) String hospital,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) throws IOException {
		StringWriter csv = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(csv,
				CSVFormat.RFC4180.builder()
					.setHeader("hospitalCode", "claimNo", "patientId", "visitType", "serviceDate", "total", "fund",
							"currentAccount", "historicalAccount", "familyAccount", "cash", "reason", "reversedBy",
							"reversedAt")
					.get())) {
			for (ReversalRow r : rows(hospital, from, to)) {
				printer.printRecord(r.hospitalCode(), r.claimNo(), r.patientId(), r.visitType(), r.serviceDate(),
						r.total(), r.fund(), r.currentAccount(), r.historicalAccount(), r.familyAccount(), r.cash(),
						r.reason(), r.reversedBy(), r.reversedAt());
			}
		}
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reversals.csv\"")
			.body(csv.toString());
	}

	private List<ReversalRow> rows(String hospital, String from, String to) {
		LocalDate first = date("from", from);
		LocalDate last = date("to", to);
		if (first != null && last != null && last.isBefore(first)) {
			throw InvalidInput.of("to", "is before from: give a period that ends on or after its first day");
		}
		return this.reversals.report(hospital == null || hospital.isBlank() ? null : hospital.strip(), first, last);
	}

	private static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw InvalidInput.of(field, "'" + value + "' is not a date yyyy-MM-dd");
		}
	}

	// JSON only, as the ad-hoc API: a cross-site form cannot send it (no CSRF token on
	// this API)
	private String reason(String type, InputStream body) throws IOException, HttpMediaTypeNotSupportedException {
		if (!AdhocClaimController.isJson(type)) {
			throw new HttpMediaTypeNotSupportedException("Content-Type " + type + " is not application/json");
		}
		byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
		if (bytes.length > MAX_BODY_BYTES) {
			throw InvalidInput.of("body",
					"The body is larger than " + MAX_BODY_BYTES / 1024 + " KiB; send {\"reason\": \"…\"}.");
		}
		JsonNode root;
		try {
			root = this.json.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw InvalidInput.of("body", "The body is not well-formed JSON; send {\"reason\": \"…\"}.");
		}
		JsonNode reason = root == null ? null : root.get("reason");
		if (reason != null && !reason.isNull() && !reason.isString()) {
			throw InvalidInput.of("reason",
					"must be a string of 1 to " + ClaimReversalRequests.MAX_REASON + " characters");
		}
		return reason == null || reason.isNull() ? null : reason.stringValue();
	}

	/** The reversal report: how many, and each one. */
	record Report(int count, List<ReversalRow> reversals) {
	}

}
