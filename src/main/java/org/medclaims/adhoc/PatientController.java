package org.medclaims.adhoc;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.medclaims.claims.ClaimCriteria;
import org.medclaims.claims.ClaimSearch;
import org.medclaims.reference.CatalogLookup;
import org.medclaims.system.CalendarDates;
import org.medclaims.system.CurrentUserAdvice;
import org.medclaims.system.PageFormats;
import org.medclaims.system.PersonIds;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The registry as the desk needs it: a patient's page (balances, yearly totals, every
 * claim), and what the claim form asks while the clerk types (the patient's name, catalog
 * items).
 */
@Controller
@RequestMapping("/desk")
class PatientController {

	private static final int CLAIMS_PAGE_SIZE = 20;

	private static final int SUGGESTIONS = 12;

	private final ClaimQueries queries;

	private final ClaimSearch search;

	private final CatalogLookup catalog;

	private final PageFormats formats;

	private final Clock clock;

	PatientController(ClaimQueries queries, ClaimSearch search, CatalogLookup catalog, PageFormats formats,
			Clock clock) {
		this.queries = queries;
		this.search = search;
		this.catalog = catalog;
		this.formats = formats;
		this.clock = clock;
	}

	@GetMapping("/persons/{personId}")
	String patient(@PathVariable String personId, @RequestParam(defaultValue = "0") int page, Model model) {
		ClaimQueries.Person person = PersonIds.isValid(personId) ? this.queries.person(personId) : null;
		if (person == null) {
			throw new NotFound("The registry has no person " + personId + ".", "notFound.person", personId);
		}
		model.addAttribute("personId", personId);
		model.addAttribute("person", person);
		model.addAttribute("account", this.queries.account(personId));
		model.addAttribute("claims", this.search.page(new ClaimCriteria(personId, null, null, null, null, null, null),
				Math.max(0, page), CLAIMS_PAGE_SIZE));
		model.addAttribute("here", ServletUriComponentsBuilder.fromCurrentRequest());
		return "desk/person";
	}

	/**
	 * The registry's name and category of a patient, for the claim form; 404 when not in
	 * the registry.
	 */
	@GetMapping("/registry/person")
	@ResponseBody
	ResponseEntity<PersonJson> person(@RequestParam String id) {
		ClaimQueries.Person person = PersonIds.isValid(id.strip()) ? this.queries.person(id.strip()) : null;
		if (person == null) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok(new PersonJson(person.name(), this.formats.label("category", person.category()),
				this.formats.label("personStatus", person.status())));
	}

	/**
	 * Catalog items starting with what the clerk typed, valid on the claim's end date
	 * (today when not given).
	 */
	@GetMapping("/registry/catalog")
	@ResponseBody
	List<ItemJson> catalog(@RequestParam String query, @RequestParam(required = false) String date) {
		LocalDate day = date == null || date.isBlank() ? null
				: CalendarDates.parse(date.strip(), java.time.format.DateTimeFormatter.ISO_LOCAL_DATE);
		if (query.isBlank() || query.length() > 40) {
			return List.of();
		}
		return this.catalog.find(query.strip(), day == null ? LocalDate.now(this.clock) : day, SUGGESTIONS)
			.stream()
			.map(e -> new ItemJson(e.itemCode(), e.name(), this.formats.label("itemClass", e.itemClass()),
					e.selfPayRatio().stripTrailingZeros().toPlainString(), price(e.maxUnitPrice())))
			.toList();
	}

	// a maximum price has up to four decimals: 93.00, 9.9999
	private String price(java.math.BigDecimal price) {
		if (price == null) {
			return null;
		}
		java.math.BigDecimal stripped = price.stripTrailingZeros();
		return stripped.scale() <= 2 ? this.formats.money(stripped.setScale(2)) : stripped.toPlainString();
	}

	@ExceptionHandler
	String notFound(NotFound ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("message", this.formats.message(ex.key(), ex.args()));
		CurrentUserAdvice.addTo(model);
		return "error/404";
	}

	record PersonJson(String name, String category, String status) {
	}

	record ItemJson(String itemCode, String name, String itemClass, String selfPayRatio, String maxUnitPrice) {
	}

}
