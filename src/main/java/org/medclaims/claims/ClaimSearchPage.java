package org.medclaims.claims;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.medclaims.system.PageFormats;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The desk's claim search: by patient, hospital, status and service dates, a page at a
 * time, and its CSV.
 */
@Controller
class ClaimSearchPage {

	private static final int PAGE_SIZE = 20;

	private final ClaimSearch search;

	private final PageFormats formats;

	ClaimSearchPage(ClaimSearch search, PageFormats formats) {
		this.search = search;
		this.formats = formats;
	}

	@GetMapping("/desk/search")
	String search(@RequestParam(required = false) String patientId, @RequestParam(required = false) String hospital,
			@RequestParam(required = false) String status, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("patientId", patientId);
		model.addAttribute("hospital", hospital);
		model.addAttribute("status", status);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("statuses", ClaimStatus.values());
		model.addAttribute("here", ServletUriComponentsBuilder.fromCurrentRequest());
		model.addAttribute("csv",
				ServletUriComponentsBuilder.fromCurrentRequest()
					.replacePath("/desk/search.csv")
					.replaceQueryParam("page")
					.build()
					.toUriString());
		try {
			ClaimCriteria criteria = ClaimCriteria.parse(patientId, hospital, status, from, to);
			model.addAttribute("result", this.search.page(criteria, Math.max(0, page), PAGE_SIZE));
		}
		catch (InvalidCriteria ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.problems().forEach(p -> errors.put(p.field(), this.formats.message(p.key())));
			model.addAttribute("errors", errors);
		}
		return "desk/search";
	}

	/** Every claim the search finds, with the page's column names, for a spreadsheet. */
	@GetMapping("/desk/search.csv")
	void csv(@RequestParam(required = false) String patientId, @RequestParam(required = false) String hospital,
			@RequestParam(required = false) String status, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
		ClaimCriteria criteria;
		try {
			criteria = ClaimCriteria.parse(patientId, hospital, status, from, to);
		}
		catch (InvalidCriteria ex) {
			// the search page says what is wrong with the filters
			response.sendRedirect(
					ServletUriComponentsBuilder.fromCurrentRequest().replacePath("/desk/search").build().toUriString());
			return;
		}
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"claims.csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write('\uFEFF'); // spreadsheets read UTF-8 only with its mark
		ClaimsCsv csv = new ClaimsCsv(out, this.formats, ClaimsCsv.header(c -> this.formats.label("column", c)));
		this.search.each(criteria, csv::write);
		csv.flush();
	}

}
