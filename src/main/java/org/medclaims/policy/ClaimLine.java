package org.medclaims.policy;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line (明细) of a claim; {@code amount} is round(unitPrice × quantity), checked at
 * intake.
 */
public record ClaimLine(int lineNo, String itemCode, String itemName, BigDecimal unitPrice, BigDecimal quantity,
		Money amount) {

	public ClaimLine {
		Objects.requireNonNull(itemCode, "itemCode");
		Objects.requireNonNull(unitPrice, "unitPrice");
		Objects.requireNonNull(quantity, "quantity");
		Objects.requireNonNull(amount, "amount");
	}

}
