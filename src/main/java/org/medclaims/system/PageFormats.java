package org.medclaims.system;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.medclaims.policy.Money;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What people read, written one way on every page, CSV and command: times in
 * {@code medclaims.time-zone} (default Asia/Shanghai) as {@code yyyy-MM-dd HH:mm},
 * amounts with thousands separators, codes as their labels in the page's language.
 * Templates call it as {@code @fmt}.
 */
@Component("fmt")
public class PageFormats {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ZoneId zone;

	private final MessageSource messages;

	PageFormats(@Value("${medclaims.time-zone:Asia/Shanghai}") ZoneId zone, MessageSource messages) {
		this.zone = zone;
		this.messages = messages;
	}

	/** The zone people read times in. */
	public ZoneId zone() {
		return this.zone;
	}

	/**
	 * {@code yyyy-MM-dd HH:mm} in the configured zone; a LocalDateTime is taken as this
	 * JVM's local time, which is how Spring Batch records its start and end times; text
	 * is an ISO instant. Null gives "".
	 */
	public String time(Object value) {
		ZonedDateTime at = zoned(value);
		return at == null ? "" : MINUTES.format(at);
	}

	/** The instant in the configured zone, or null. */
	public ZonedDateTime zoned(Object value) {
		Instant instant;
		if (value == null) {
			return null;
		}
		else if (value instanceof Instant i) {
			instant = i;
		}
		else if (value instanceof OffsetDateTime o) {
			instant = o.toInstant();
		}
		else if (value instanceof ZonedDateTime z) {
			instant = z.toInstant();
		}
		else if (value instanceof Timestamp t) {
			instant = t.toInstant();
		}
		else if (value instanceof LocalDateTime l) {
			instant = l.atZone(ZoneId.systemDefault()).toInstant();
		}
		else if (value instanceof String s) {
			instant = Instant.parse(s);
		}
		else {
			throw new IllegalArgumentException("Not a time: " + value.getClass().getName());
		}
		return instant.atZone(this.zone);
	}

	/**
	 * {@code 12,345.60}: yuan given as Money, a decimal or text with two decimals; null
	 * gives "".
	 */
	public String money(Object yuan) {
		BigDecimal amount;
		if (yuan == null || (yuan instanceof String s && s.isBlank())) {
			return "";
		}
		else if (yuan instanceof Money m) {
			amount = BigDecimal.valueOf(m.fen(), 2);
		}
		else if (yuan instanceof BigDecimal d) {
			amount = d;
		}
		else if (yuan instanceof String s) {
			amount = new BigDecimal(s);
		}
		else {
			throw new IllegalArgumentException("Not an amount: " + yuan.getClass().getName());
		}
		return format("#,##0.00").format(amount);
	}

	/** The amount with its unit, where a unit helps: {@code 12,345.60 元}. */
	public String yuan(Object yuan) {
		String amount = money(yuan);
		return amount.isEmpty() ? "" : message("unit.yuan", amount);
	}

	/** A count with thousands separators. */
	public String count(Number n) {
		return n == null ? "" : format("#,##0").format(n);
	}

	/** The label of a code ({@code visitType.OUT} → 门诊), else the code itself. */
	public String label(String kind, Object code) {
		if (code == null) {
			return "";
		}
		String text = code.toString();
		return this.messages.getMessage(kind + "." + text, null, text, LocaleContextHolder.getLocale());
	}

	/** A message of the page's language. */
	public String message(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private static DecimalFormat format(String pattern) {
		return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
	}

}
