package org.medclaims.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.medclaims.claims.ClaimCriteria;
import org.medclaims.claims.ClaimFileQueries;
import org.medclaims.claims.ClaimSearch;
import org.medclaims.system.CalendarDates;
import org.medclaims.system.CurrentUserAdvice;
import org.medclaims.system.PageFormats;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Claim files for operators: search by hospital, day received, outcome and intake batch;
 * a file with its claims and its answer.
 */
@Controller
@RequestMapping("/operations/files")
class FilePagesController {

	private static final int PAGE_SIZE = 25;

	private static final int CLAIMS_PAGE_SIZE = 50;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private final ClaimFileQueries files;

	private final FileAnswers answers;

	private final ClaimSearch claims;

	private final PageFormats formats;

	FilePagesController(ClaimFileQueries files, FileAnswers answers, ClaimSearch claims, PageFormats formats) {
		this.files = files;
		this.answers = answers;
		this.claims = claims;
		this.formats = formats;
	}

	@GetMapping
	String search(@RequestParam(required = false) String hospital, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) Long batch, @RequestParam(defaultValue = "0") int page, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate fromDate = date(from, "from", errors);
		LocalDate toDate = date(to, "to", errors);
		ClaimFileQueries.Outcome wanted = null;
		if (outcome != null && !outcome.isBlank()) {
			wanted = Arrays.stream(ClaimFileQueries.Outcome.values())
				.filter(o -> o.name().equals(outcome.strip().toUpperCase(Locale.ROOT)))
				.findFirst()
				.orElse(null);
		}
		String code = hospital == null || hospital.isBlank() ? null : hospital.strip().toUpperCase(Locale.ROOT);
		model.addAttribute("hospital", code);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("outcome", wanted);
		model.addAttribute("batch", batch);
		model.addAttribute("outcomes", ClaimFileQueries.Outcome.values());
		model.addAttribute("hospitals", this.files.hospitals());
		model.addAttribute("errors", errors);
		model.addAttribute("here", ServletUriComponentsBuilder.fromCurrentRequest());
		if (errors.isEmpty()) {
			model.addAttribute("result", this.files.search(code, fromDate, toDate, wanted, batch, this.formats.zone(),
					Math.max(0, page), PAGE_SIZE));
		}
		return "operations/files";
	}

	@GetMapping("/{id}")
	String file(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
		ClaimFileQueries.ClaimFile file = this.files.find(id).orElseThrow(() -> new FileNotFound(id));
		model.addAttribute("file", file);
		model.addAttribute("problems",
				"REJECTED".equals(file.status()) ? this.files.problems(id) : java.util.List.of());
		model.addAttribute("answer", this.answers.of(file).isPresent());
		model.addAttribute("claims", this.claims.page(ClaimCriteria.ofFile(id), Math.max(0, page), CLAIMS_PAGE_SIZE));
		model.addAttribute("here", ServletUriComponentsBuilder.fromCurrentRequest());
		return "operations/file";
	}

	/** The file's .res, or the .rej of a rejected file, as the hospital received it. */
	@GetMapping("/{id}/answer")
	ResponseEntity<byte[]> answer(@PathVariable long id) throws IOException {
		ClaimFileQueries.ClaimFile file = this.files.find(id).orElseThrow(() -> new FileNotFound(id));
		Path answer = this.answers.of(file).orElseThrow(() -> new FileNotFound(id));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(answer.getFileName().toString()).build().toString())
			.body(Files.readAllBytes(answer));
	}

	@ExceptionHandler
	String notFound(FileNotFound ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("message", this.formats.message("notFound.file", ex.id));
		CurrentUserAdvice.addTo(model);
		return "error/404";
	}

	private static LocalDate date(String value, String field, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		LocalDate date = CalendarDates.parse(value.strip(), DATE);
		if (date == null) {
			errors.put(field, "search.badDate");
		}
		return date;
	}

	/** No such file, or no answer written for it (yet). */
	private static final class FileNotFound extends RuntimeException {

		private final long id;

		FileNotFound(long id) {
			super("No claim file " + id);
			this.id = id;
		}

	}

}
