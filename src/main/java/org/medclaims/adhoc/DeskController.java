package org.medclaims.adhoc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.medclaims.accounts.ReversalConflict;
import org.medclaims.system.CurrentUserAdvice;
import org.medclaims.system.PageFormats;
import org.medclaims.system.PersonIds;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The clerks' desk: find the patient, enter an ad-hoc claim with the catalog's help,
 * preview it line by line, confirm a name that differs from the registry's, settle it,
 * print its receipt (结算单). The same service as the API does the work.
 */
@Controller
@RequestMapping("/desk")
class DeskController {

	private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)\\](?:\\.(.*))?");

	private final AdhocClaims claims;

	private final AdhocClaimValidator validator;

	private final ClaimQueries queries;

	private final AdhocHospitals hospitals;

	private final PageFormats formats;

	private final String insurer;

	private final ClaimReversalRequests reversals;

	DeskController(AdhocClaims claims, AdhocClaimValidator validator, ClaimQueries queries, AdhocHospitals hospitals,
			PageFormats formats, @Value("${medclaims.insurer:慈溪市医疗保障局}") String insurer,
			ClaimReversalRequests reversals) {
		this.claims = claims;
		this.validator = validator;
		this.queries = queries;
		this.hospitals = hospitals;
		this.formats = formats;
		this.insurer = insurer;
		this.reversals = reversals;
	}

	@GetMapping
	String desk(@RequestParam(required = false) String personId, @ModelAttribute("form") ClaimForm form, Model model) {
		if (personId != null && !personId.isBlank()) {
			form.setPatientId(personId.strip());
		}
		return page(form, model, List.of(), List.of());
	}

	@PostMapping("/claims/preview")
	String preview(@ModelAttribute("form") ClaimForm form, Model model) {
		List<Integer> rows = new ArrayList<>();
		try {
			ValidAdhocClaim claim = this.validator.validate(form.toInput(rows), List.of());
			model.addAttribute("preview", this.claims.preview(claim));
			return page(form, model, List.of(), rows);
		}
		catch (InvalidInput ex) {
			return page(form, model, ex.errors(), rows);
		}
	}

	@PostMapping("/claims")
	String submit(@ModelAttribute("form") ClaimForm form, Model model) {
		List<Integer> rows = new ArrayList<>();
		try {
			ValidAdhocClaim claim = this.validator.validate(form.toInput(rows), List.of());
			if (registeredNameDiffers(form) != null && !form.isNameConfirmed()) {
				model.addAttribute("error", this.formats.message("desk.nameNotConfirmed"));
				return page(form, model, List.of(), rows);
			}
			this.claims.submit(claim);
			return "redirect:" + claimPath(claim.hospitalCode(), claim.claimNo());
		}
		catch (InvalidInput ex) {
			return page(form, model, ex.errors(), rows);
		}
		catch (DuplicateClaim | DuplicateKeyException ex) {
			model.addAttribute("error", this.formats.message("desk.duplicate", form.getClaimNo()));
			return page(form, model,
					List.of(new FieldError("claimNo", ex.getMessage(), "validation.duplicate", List.of())), rows);
		}
	}

	@GetMapping("/claims/{hospitalCode}/{claimNo}")
	String claim(@PathVariable String hospitalCode, @PathVariable String claimNo, Model model) {
		model.addAttribute("claim", this.queries.claim(hospitalCode, claimNo));
		return "desk/claim";
	}

	/**
	 * The page's Reverse button (冲正): the reason and a confirmation, then back to the
	 * claim, now REVERSED.
	 */
	@PostMapping("/claims/{hospitalCode}/{claimNo}/reversal")
	String reverse(@PathVariable String hospitalCode, @PathVariable String claimNo,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			boolean created = this.reversals.reverse(hospitalCode, claimNo, reason).created();
			redirect.addFlashAttribute("message",
					this.formats.message(created ? "reversal.done" : "reversal.before", claimNo));
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("error", this.formats.message("reversal.reasonNeeded"));
		}
		catch (ReversalConflict ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/desk/claims/" + UriUtils.encodePathSegment(hospitalCode, "UTF-8") + "/"
				+ UriUtils.encodePathSegment(claimNo, "UTF-8");
	}

	/** The 结算单 of a settled (or rule-rejected) claim, laid out for one A4 page. */
	@GetMapping("/claims/{hospitalCode}/{claimNo}/receipt")
	String receipt(@PathVariable String hospitalCode, @PathVariable String claimNo, Model model) {
		ClaimView claim = this.queries.claim(hospitalCode, claimNo);
		if (claim.settlement() == null) {
			throw new NotFound(
					"Claim " + claimNo + " of hospital " + hospitalCode + " is not settled: it has no receipt.",
					"notFound.receipt", hospitalCode, claimNo);
		}
		ClaimQueries.Person person = this.queries.person(claim.patientId());
		model.addAttribute("claim", claim);
		model.addAttribute("person", person);
		model.addAttribute("insurer", this.insurer);
		model.addAttribute("receiptNo",
				this.formats.zoned(this.queries.settledAt(hospitalCode, claimNo))
					.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd")) + "-"
						+ String.format("%08d", this.queries.current(hospitalCode, claimNo).id()));
		return "desk/receipt";
	}

	@GetMapping("/claims")
	String findClaim(@RequestParam String hospitalCode, @RequestParam String claimNo) {
		return "redirect:" + claimPath(hospitalCode.strip().toUpperCase(java.util.Locale.ROOT), claimNo.strip());
	}

	@ExceptionHandler
	String notFound(NotFound ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("message", ex.key() == null ? ex.getMessage() : this.formats.message(ex.key(), ex.args()));
		CurrentUserAdvice.addTo(model);
		return "error/404";
	}

	private String page(ClaimForm form, Model model, List<FieldError> errors, List<Integer> rows) {
		Map<String, String> byField = new LinkedHashMap<>();
		List<String> sentences = new ArrayList<>();
		for (FieldError error : errors) {
			String field = onForm(error.field(), rows);
			String message = error.key() == null ? error.message()
					: this.formats.message(error.key(), error.args().toArray());
			byField.merge(field, message, (a, b) -> a + "; " + b);
			sentences.add(this.formats.message("desk.fieldError", fieldLabel(field), message));
		}
		model.addAttribute("form", form);
		model.addAttribute("errors", byField);
		model.addAttribute("errorLines", sentences);
		String personId = form.getPatientId() == null ? null : form.getPatientId().strip();
		if (personId != null && !personId.isEmpty()) {
			if (!PersonIds.isValid(personId)) {
				model.addAttribute("personProblem", this.formats.message("desk.badPersonId"));
			}
			else {
				ClaimQueries.Person person = this.queries.person(personId);
				model.addAttribute("person", person);
				if (person == null) {
					model.addAttribute("personProblem", this.formats.message("desk.notInRegistry"));
				}
				else {
					model.addAttribute("account", this.queries.account(personId));
					// the claim is the registry person's: their name fills in unless the
					// clerk typed one
					if (form.getPatientName() == null || form.getPatientName().isBlank()) {
						form.setPatientName(person.name());
					}
					model.addAttribute("nameMismatch", registeredNameDiffers(form));
				}
			}
		}
		model.addAttribute("hospitals", this.hospitals.registered());
		return "desk/index";
	}

	/** The registry's name when the form gives another one, else null. */
	private String registeredNameDiffers(ClaimForm form) {
		String personId = form.getPatientId() == null ? "" : form.getPatientId().strip();
		String typed = form.getPatientName() == null ? "" : form.getPatientName().strip();
		if (typed.isEmpty() || !PersonIds.isValid(personId)) {
			return null;
		}
		ClaimQueries.Person person = this.queries.person(personId);
		return person == null || person.name().strip().equals(typed) ? null : person.name();
	}

	// the form's rows, not the submitted lines, so the clerk sees the row that is wrong
	private static String onForm(String field, List<Integer> rows) {
		Matcher line = LINE_FIELD.matcher(field);
		if (line.matches() && Integer.parseInt(line.group(1)) < rows.size()) {
			int row = rows.get(Integer.parseInt(line.group(1)));
			return "lines[" + row + "]" + (line.group(2) == null ? "" : "." + line.group(2));
		}
		return field;
	}

	/** "第 2 行 单价" for {@code lines[1].unitPrice}: lines counted as people count them. */
	private String fieldLabel(String field) {
		Matcher line = LINE_FIELD.matcher(field);
		if (line.matches()) {
			String part = line.group(2) == null ? "" : this.formats.label("field", line.group(2));
			return this.formats.message("field.line", String.valueOf(Integer.parseInt(line.group(1)) + 1), part)
				.strip();
		}
		return this.formats.label("field", field);
	}

	private static String claimPath(String hospitalCode, String claimNo) {
		return "/desk/claims/" + UriUtils.encodePathSegment(hospitalCode, "UTF-8") + "/"
				+ UriUtils.encodePathSegment(claimNo, "UTF-8");
	}

}
