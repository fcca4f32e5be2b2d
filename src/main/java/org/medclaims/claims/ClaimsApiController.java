package org.medclaims.claims;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletResponse;

import org.medclaims.policy.Money;
import org.medclaims.system.PageFormats;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/claims} (interfaces.md): claims newest first, a page at a time with the
 * number that match; with {@code Accept: text/csv} every match as CSV.
 */
@RestController
@RequestMapping("/api/claims")
class ClaimsApiController {

	static final int MAX_SIZE = 200;

	private final ClaimSearch search;

	private final PageFormats formats;

	ClaimsApiController(ClaimSearch search, PageFormats formats) {
		this.search = search;
		this.formats = formats;
	}

	/**
	 * JSON, or with {@code Accept: text/csv} every match as CSV (a client that accepts
	 * anything gets JSON).
	 */
	@GetMapping
	ClaimPageJson search(@RequestParam(required = false) String patientId,
			@RequestParam(required = false) String hospital, @RequestParam(required = false) String status,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
			throws IOException {
		ClaimCriteria criteria = ClaimCriteria.parse(patientId, hospital, status, from, to);
		if (accept != null && accept.contains("text/csv")) {
			response.setContentType("text/csv;charset=UTF-8");
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"claims.csv\"");
			Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
			ClaimsCsv csv = new ClaimsCsv(out, this.formats, ClaimsCsv.COLUMNS);
			this.search.each(criteria, csv::write);
			csv.flush();
			return null;
		}
		if (page < 0) {
			throw invalid("page", "must be 0 or more");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw invalid("size", "must be between 1 and " + MAX_SIZE);
		}
		ClaimSearch.Page result = this.search.page(criteria, page, size);
		return new ClaimPageJson(result.rows().stream().map(ClaimJson::of).toList(), result.page(), result.size(),
				result.total(), result.totalPages());
	}

	private static InvalidCriteria invalid(String field, String message) {
		return new InvalidCriteria(List.of(new InvalidCriteria.Problem(field, message, null)));
	}

	record ClaimPageJson(List<ClaimJson> content, int page, int size, long total, long totalPages) {
	}

	/**
	 * One claim as the API gives it: money as yuan strings with two decimals, null before
	 * settlement.
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record ClaimJson(String hospitalCode, String hospitalName, String claimNo, String source, String fileName,
			String patientId, String patientName, String visitType, String startDate, String endDate, String total,
			String status, String rejectCode, String fund, String currentAccount, String historicalAccount,
			String familyAccount, String cash, String settledAt) {

		static ClaimJson of(ClaimRow c) {
			return new ClaimJson(c.hospitalCode(), c.hospitalName(), c.claimNo(), c.source(), c.fileName(),
					c.patientId(), c.patientName(), c.visitType(), text(c.startDate()), text(c.endDate()),
					yuan(c.total()), c.status(), c.rejectCode(), yuan(c.fund()), yuan(c.currentAccount()),
					yuan(c.historicalAccount()), yuan(c.familyAccount()), yuan(c.cash()), text(c.settledAt()));
		}

		private static String yuan(Money money) {
			return money == null ? null : money.toString();
		}

		private static String text(Object value) {
			return value == null ? null : value.toString();
		}

	}

}
