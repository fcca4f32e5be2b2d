package org.medclaims.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The log message with every resident-ID-shaped token (17 digits and a digit or X) masked
 * as {@link PersonIds#mask} does: a safety net under the code's own masking
 * (logback-spring.xml).
 */
public class MaskedMessageConverter extends ClassicConverter {

	private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])");

	@Override
	public String convert(ILoggingEvent event) {
		return mask(event.getFormattedMessage());
	}

	public static String mask(String text) {
		if (text == null || text.length() < 18) {
			return text;
		}
		Matcher matcher = RESIDENT_ID.matcher(text);
		if (!matcher.find()) {
			return text;
		}
		StringBuilder masked = new StringBuilder(text.length());
		do {
			matcher.appendReplacement(masked, PersonIds.mask(matcher.group()));
		}
		while (matcher.find());
		matcher.appendTail(masked);
		return masked.toString();
	}

}
