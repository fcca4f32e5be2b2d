package org.medclaims.adhoc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medclaims.accounts.ReversalConflict;
import org.medclaims.system.PersonIds;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The clerks' desk: find the patient, enter an ad-hoc claim, preview it line by line, settle it and
 * print the result. The same service as the API does the work.
 */
@Controller
@RequestMapping("/desk")
class DeskController {

	private final AdhocClaims claims;

	private final AdhocClaimValidator validator;

	private final ClaimQueries queries;

	private final JdbcTemplate jdbc;

	private final ClaimReversalRequests reversals;

	DeskController(AdhocClaims claims, AdhocClaimValidator validator, ClaimQueries queries, JdbcTemplate jdbc,
			ClaimReversalRequests reversals) {
		this.claims = claims;
		this.validator = validator;
		this.queries = queries;
		this.jdbc = jdbc;
		this.reversals = reversals;
	}

	@GetMapping
	String desk(@RequestParam(required = false) String personId, @ModelAttribute("form") ClaimForm form,
			Model model) {
		if (personId != null && !personId.isBlank()) {
			form.setPatientId(personId.strip());
		}
		return page(form, model, Map.of());
	}

	@PostMapping("/claims/preview")
	String preview(@ModelAttribute("form") ClaimForm form, Model model) {
		List<Integer> rows = new ArrayList<>();
		try {
			ValidAdhocClaim claim = this.validator.validate(form.toInput(rows), List.of());
			model.addAttribute("preview", this.claims.preview(claim));
			return page(form, model, Map.of());
		}
		catch (InvalidInput ex) {
			return page(form, model, errors(ex, rows));
		}
	}

	@PostMapping("/claims")
	String submit(@ModelAttribute("form") ClaimForm form, Model model) {
		List<Integer> rows = new ArrayList<>();
		try {
			ValidAdhocClaim claim = this.validator.validate(form.toInput(rows), List.of());
			this.claims.submit(claim);
			return "redirect:/desk/claims/" + UriUtils.encodePathSegment(claim.hospitalCode(), "UTF-8") + "/"
					+ UriUtils.encodePathSegment(claim.claimNo(), "UTF-8");
		}
		catch (InvalidInput ex) {
			return page(form, model, errors(ex, rows));
		}
		catch (DuplicateClaim | DuplicateKeyException ex) {
			model.addAttribute("error", ex instanceof DuplicateClaim ? ex.getMessage()
					: "The claim number was just taken by another claim of this hospital (E_DUPLICATE_CLAIM).");
			return page(form, model, Map.of("claimNo", "is in use by another claim of this hospital"));
		}
	}

	@GetMapping("/claims/{hospitalCode}/{claimNo}")
	String claim(@PathVariable String hospitalCode, @PathVariable String claimNo, Model model) {
		model.addAttribute("claim", this.queries.claim(hospitalCode, claimNo));
		return "desk/claim";
	}

	/** The page's Reverse button (冲正): the reason and a confirmation, then back to the claim, now REVERSED. */
	@PostMapping("/claims/{hospitalCode}/{claimNo}/reversal")
	String reverse(@PathVariable String hospitalCode, @PathVariable String claimNo,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			boolean created = this.reversals.reverse(hospitalCode, claimNo, reason).created();
			redirect.addFlashAttribute("message", created ? "Claim " + claimNo + " is reversed: its money is back in the"
					+ " accounts it came from, and its number is free for a corrected claim."
					: "Claim " + claimNo + " was reversed before; nothing changed.");
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("error", "The reason " + ex.errors().get(0).message() + ".");
		}
		catch (ReversalConflict ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/desk/claims/" + UriUtils.encodePathSegment(hospitalCode, "UTF-8") + "/"
				+ UriUtils.encodePathSegment(claimNo, "UTF-8");
	}

	@GetMapping("/claims")
	String findClaim(@RequestParam String hospitalCode, @RequestParam String claimNo) {
		return "redirect:/desk/claims/" + UriUtils.encodePathSegment(hospitalCode.strip(), "UTF-8") + "/"
				+ UriUtils.encodePathSegment(claimNo.strip(), "UTF-8");
	}

	@org.springframework.web.bind.annotation.ExceptionHandler(NotFound.class)
	String notFound(NotFound ex, Model model, jakarta.servlet.http.HttpServletResponse response) {
		response.setStatus(404);
		model.addAttribute("error", ex.getMessage());
		return page(new ClaimForm(), model, Map.of());
	}

	private String page(ClaimForm form, Model model, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		String personId = form.getPatientId() == null ? null : form.getPatientId().strip();
		if (personId != null && !personId.isEmpty()) {
			if (!PersonIds.isValid(personId)) {
				model.addAttribute("personProblem", "This is not a valid resident ID (check character, 18 characters).");
			}
			else {
				model.addAttribute("person", this.queries.person(personId));
				try {
					model.addAttribute("account", this.queries.account(personId));
				}
				catch (NotFound ex) {
					model.addAttribute("personProblem", "Not in the registry: the claim can only be paid as a covered"
							+ " relative's (家庭共济), or it is rejected E_NOT_INSURED.");
				}
			}
		}
		model.addAttribute("hospitals", this.jdbc.queryForList(
				"SELECT code, name, level, region FROM hospital WHERE registered ORDER BY code"));
		return "desk/index";
	}

	// the form's rows, not the submitted lines, so the clerk sees the row that is wrong
	private static Map<String, String> errors(InvalidInput ex, List<Integer> rows) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError error : ex.errors()) {
			String field = error.field();
			java.util.regex.Matcher line = java.util.regex.Pattern.compile("lines\\[(\\d+)\\](.*)").matcher(field);
			if (line.matches() && Integer.parseInt(line.group(1)) < rows.size()) {
				field = "lines[" + rows.get(Integer.parseInt(line.group(1))) + "]" + line.group(2);
			}
			errors.merge(field, error.message(), (a, b) -> a + "; " + b);
		}
		return errors;
	}

}
