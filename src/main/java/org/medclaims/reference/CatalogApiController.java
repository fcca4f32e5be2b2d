package org.medclaims.reference;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.medclaims.system.CalendarDates;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/catalog?query=&date=} (interfaces.md): catalog items by code or name
 * prefix as valid on {@code date} (default today), each with its class, self-pay ratio
 * and maximum price.
 */
@RestController
class CatalogApiController {

	static final int LIMIT = 20;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private final CatalogLookup catalog;

	private final Clock clock;

	CatalogApiController(CatalogLookup catalog, Clock clock) {
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping("/api/catalog")
	Catalog find(@RequestParam(required = false) String query, @RequestParam(required = false) String date) {
		if (query == null || query.isBlank() || query.strip().length() > 40) {
			throw new BadQuery("query", "is required: 1 to 40 characters of an item code or name");
		}
		LocalDate day = LocalDate.now(this.clock);
		if (date != null && !date.isBlank()) {
			day = CalendarDates.parse(date.strip(), DATE);
			if (day == null) {
				throw new BadQuery("date", "must be a date written yyyy-MM-dd");
			}
		}
		return new Catalog(query.strip(), day.toString(),
				this.catalog.find(query.strip(), day, LIMIT).stream().map(Item::of).toList());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> badQuery(BadQuery ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				ex.field + " " + ex.getMessage() + ".");
		problem.setTitle("Invalid input");
		problem.setProperty("code", "INVALID_INPUT");
		problem.setProperty("errors", List.of(Map.of("field", ex.field, "message", ex.getMessage())));
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	record Catalog(String query, String date, List<Item> items) {
	}

	/**
	 * One item; ratios and prices as decimal strings, {@code maxUnitPrice} and
	 * {@code validTo} null when none.
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Item(String itemCode, String name, @JsonProperty("class") String itemClass, String selfPayRatio,
			String maxUnitPrice, String validFrom, String validTo) {

		static Item of(CatalogLookup.Entry e) {
			return new Item(e.itemCode(), e.name(), e.itemClass(), decimal(e.selfPayRatio()), decimal(e.maxUnitPrice()),
					e.validFrom().toString(), e.validTo() == null ? null : e.validTo().toString());
		}

	}

	/** At least two decimals, no trailing zeros past them: 0.10, 0.125, 93.00. */
	static String decimal(BigDecimal value) {
		if (value == null) {
			return null;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.setScale(Math.max(2, stripped.scale())).toPlainString();
	}

	private static final class BadQuery extends RuntimeException {

		private final String field;

		BadQuery(String field, String message) {
			super(message);
			this.field = field;
		}

	}

}
