package org.medclaims.policy;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact decimal ratio in [0, 1]: self-pay ratios (自付比例), fund ratios, factors. Kept
 * without trailing zeros so that 0.10 and 0.1 are the same ratio.
 */
public record Ratio(BigDecimal value) {

	public static final Ratio ZERO = new Ratio(BigDecimal.ZERO);

	public static final Ratio ONE = new Ratio(BigDecimal.ONE);

	public Ratio {
		Objects.requireNonNull(value, "ratio");
		if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
			throw new IllegalArgumentException("A ratio must lie between 0 and 1, not " + value.toPlainString() + ".");
		}
		value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
	}

	public static Ratio of(String text) {
		try {
			return new Ratio(new BigDecimal(Objects.requireNonNull(text, "ratio").trim()));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("A ratio must be a decimal number such as 0.15, not '" + text + "'.",
					ex);
		}
	}

	public static Ratio of(BigDecimal value) {
		return new Ratio(value);
	}

	public boolean isZero() {
		return this.value.signum() == 0;
	}

	public boolean isOne() {
		return this.value.compareTo(BigDecimal.ONE) == 0;
	}

	/**
	 * At least two decimals, as the policy tables print ratios: "0.10", "0.5" becomes
	 * "0.50".
	 */
	@Override
	public String toString() {
		return this.value.setScale(Math.max(2, this.value.scale())).toPlainString();
	}

}
