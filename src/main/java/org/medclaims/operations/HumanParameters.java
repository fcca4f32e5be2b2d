package org.medclaims.operations;

import java.time.Instant;
import java.util.List;

import org.medclaims.system.PageFormats;

import org.springframework.stereotype.Component;

/**
 * Job parameters as people read them: {@code run=1796395215687} is the moment the run was
 * asked for, a SHA-256 is shortened, an intake's {@code batch} links to its files; types
 * are left out. The raw values stay one click away.
 */
@Component
class HumanParameters {

	/** One parameter for people: a label, a value, and the page it links to, if any. */
	record Shown(String name, String label, String value, String link) {
	}

	private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	private final PageFormats formats;

	HumanParameters(PageFormats formats) {
		this.formats = formats;
	}

	List<Shown> of(List<ExecutionQueries.Parameter> parameters) {
		return parameters.stream().map(this::shown).toList();
	}

	/** The parameters that tell one run from another, on one line. */
	String summary(List<ExecutionQueries.Parameter> parameters) {
		List<Shown> shown = of(parameters);
		// an intake names its file; a file's hash and arrival id add nothing to that on
		// one line
		boolean named = shown.stream().anyMatch(s -> s.name().equals("file"));
		return String.join(" · ",
				shown.stream()
					.filter(s -> !named || s.name().equals("file"))
					.map(s -> s.label() + " " + s.value())
					.toList());
	}

	private Shown shown(ExecutionQueries.Parameter p) {
		String label = this.formats.label("parameter", p.name());
		String value = p.value();
		String link = null;
		switch (p.name()) {
			case "run" ->
				value = isMoment(value) ? this.formats.time(Instant.ofEpochMilli(Long.parseLong(value))) : value;
			case "sha256" -> value = value != null && value.length() > 12 ? value.substring(0, 12) + "…" : value;
			case "arrival.id" -> link = isNumber(value) ? "/operations/files/" + value : null;
			case "batch" -> link = isNumber(value) ? "/operations/files?batch=" + value : null;
			default -> {
			}
		}
		return new Shown(p.name(), label, value, link);
	}

	// a run is started with System.currentTimeMillis(); any other number is shown as it
	// is
	private static boolean isMoment(String value) {
		if (!isNumber(value)) {
			return false;
		}
		long millis = Long.parseLong(value);
		return millis >= EARLIEST.toEpochMilli() && millis <= Instant.now().plusSeconds(86_400).toEpochMilli();
	}

	private static boolean isNumber(String value) {
		return value != null && value.matches("[0-9]{1,18}");
	}

}
