package org.medclaims.system;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Dates as people and files write them: a real calendar date, or none. */
public final class CalendarDates {

	private CalendarDates() {
	}

	/**
	 * The date {@code text} writes in {@code format} (a strict one), or null when it
	 * writes none: 20130230 no more than 00000101, since there is no year 0 (and
	 * PostgreSQL refuses it).
	 */
	public static LocalDate parse(String text, DateTimeFormatter format) {
		if (text == null) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text, format);
			return (date.getYear() >= 1) ? date : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
