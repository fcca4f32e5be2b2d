package org.medclaims.intake.format;

import java.math.BigDecimal;

import org.medclaims.policy.Money;

/**
 * A line item of a {@link ValidClaim}.
 *
 * @param fileLineNo the line of the file it stands on
 * @param lineNo the line number the hospital declared
 * @param unitPrice as written, two to four decimals
 * @param quantity as written, up to three decimals, positive
 */
public record ValidLine(long fileLineNo, int lineNo, String itemCode, String itemName, BigDecimal unitPrice,
		BigDecimal quantity, Money amount) {
}
