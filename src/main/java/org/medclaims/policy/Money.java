package org.medclaims.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of money in integer fen (分, 0.01 yuan). All policy arithmetic happens here,
 * so that no binary floating point ever comes near money.
 *
 * <p>
 * Parsed and created amounts are never negative; a difference computed with
 * {@link #minus} may be, which is how callers detect a shortfall.
 */
public record Money(long fen) implements Comparable<Money> {

	public static final Money ZERO = new Money(0);

	public static Money ofFen(long fen) {
		return fen == 0 ? ZERO : new Money(fen);
	}

	/**
	 * Parses yuan with exactly two decimals ("12.30"), as files and the API carry them.
	 */
	public static Money parse(String yuan) {
		if (!YuanFormat.AMOUNT.matches(yuan)) {
			throw new IllegalArgumentException(
					"An amount must be yuan with exactly two decimals, such as 12.30, not '" + yuan + "'.");
		}
		int point = yuan.length() - 3;
		return ofFen(Long.parseLong(yuan.substring(0, point)) * 100 + Long.parseLong(yuan.substring(point + 1)));
	}

	/**
	 * Converts yuan that has at most two significant decimals (12.300 is fine, 12.305 is
	 * not).
	 */
	public static Money ofYuan(BigDecimal yuan) {
		if (yuan == null || yuan.signum() < 0 || yuan.stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException(
					"An amount must be non-negative yuan with at most two decimals, not '" + yuan + "'.");
		}
		try {
			return ofFen(yuan.movePointRight(2).longValueExact());
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException("The amount " + yuan + " is too large.", ex);
		}
	}

	/** round(yuan) half-up to the fen, e.g. for unit price × quantity. */
	public static Money roundHalfUp(BigDecimal yuan) {
		return ofFen(roundedYuan(yuan).movePointRight(2).longValueExact());
	}

	/**
	 * The same rounding, kept a decimal: checks a file's price × quantity even beyond any
	 * amount.
	 */
	public static BigDecimal roundedYuan(BigDecimal yuan) {
		return yuan.setScale(2, RoundingMode.HALF_UP);
	}

	public BigDecimal toYuan() {
		return BigDecimal.valueOf(this.fen, 2);
	}

	/** The spec's round(amount × ratio): half-up to the fen, once. */
	public Money times(Ratio ratio) {
		if (ratio.isZero()) {
			return ZERO;
		}
		if (ratio.isOne()) {
			return this;
		}
		return ofFen(BigDecimal.valueOf(this.fen)
			.multiply(ratio.value())
			.setScale(0, RoundingMode.HALF_UP)
			.longValueExact());
	}

	public Money plus(Money other) {
		return ofFen(Math.addExact(this.fen, other.fen));
	}

	public Money minus(Money other) {
		return ofFen(Math.subtractExact(this.fen, other.fen));
	}

	public Money min(Money other) {
		return this.fen <= other.fen ? this : other;
	}

	public Money max(Money other) {
		return this.fen >= other.fen ? this : other;
	}

	public boolean isZero() {
		return this.fen == 0;
	}

	public boolean isPositive() {
		return this.fen > 0;
	}

	public boolean isNegative() {
		return this.fen < 0;
	}

	@Override
	public int compareTo(Money other) {
		return Long.compare(this.fen, other.fen);
	}

	/**
	 * Yuan with two decimals, "12.30"; hand-built because explanations print many
	 * amounts.
	 */
	@Override
	public String toString() {
		if (this.fen == Long.MIN_VALUE) {
			return toYuan().toPlainString();
		}
		long abs = Math.abs(this.fen);
		long cents = abs % 100;
		StringBuilder text = new StringBuilder(24);
		if (this.fen < 0) {
			text.append('-');
		}
		return text.append(abs / 100)
			.append('.')
			.append((char) ('0' + cents / 10))
			.append((char) ('0' + cents % 10))
			.toString();
	}

}
