package org.medclaims.claims;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.medclaims.system.CalendarDates;
import org.medclaims.system.PersonIds;

/**
 * What a claim search asks for; every part optional. {@code from}/{@code to} bound the
 * service (end) date, both included; {@code fileId} and {@code run} select a file's
 * claims or the claims a settlement run settled.
 */
public record ClaimCriteria(String patientId, String hospital, ClaimStatus status, LocalDate from, LocalDate to,
		Long fileId, Long run) {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	public static ClaimCriteria ofFile(long fileId) {
		return new ClaimCriteria(null, null, null, null, null, fileId, null);
	}

	public static ClaimCriteria ofRun(long jobExecutionId) {
		return new ClaimCriteria(null, null, null, null, null, null, jobExecutionId);
	}

	/**
	 * The criteria as typed in a form or a query string, or {@link InvalidCriteria}
	 * naming every bad one.
	 */
	public static ClaimCriteria parse(String patientId, String hospital, String status, String from, String to) {
		List<InvalidCriteria.Problem> problems = new ArrayList<>();
		String person = blankToNull(patientId);
		if (person != null && !PersonIds.isValid(person)) {
			problems.add(new InvalidCriteria.Problem("patientId",
					"must be an 18-character resident ID whose check character matches (E_PERSON_ID)",
					"search.badPersonId"));
		}
		ClaimStatus wanted = null;
		if (blankToNull(status) != null) {
			String code = status.strip().toUpperCase(Locale.ROOT);
			wanted = Arrays.stream(ClaimStatus.values()).filter(s -> s.name().equals(code)).findFirst().orElse(null);
			if (wanted == null) {
				problems.add(new InvalidCriteria.Problem("status",
						"must be one of " + Arrays.toString(ClaimStatus.values()), "search.badStatus"));
			}
		}
		LocalDate fromDate = date(from, "from", problems);
		LocalDate toDate = date(to, "to", problems);
		if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
			problems.add(new InvalidCriteria.Problem("to", "must not be before from", "search.toBeforeFrom"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidCriteria(problems);
		}
		String code = blankToNull(hospital);
		return new ClaimCriteria(person, code == null ? null : code.toUpperCase(Locale.ROOT), wanted, fromDate, toDate,
				null, null);
	}

	private static LocalDate date(String value, String field, List<InvalidCriteria.Problem> problems) {
		if (blankToNull(value) == null) {
			return null;
		}
		LocalDate date = CalendarDates.parse(value.strip(), DATE);
		if (date == null) {
			problems.add(new InvalidCriteria.Problem(field, "must be a date written yyyy-MM-dd", "search.badDate"));
		}
		return date;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
