package org.medclaims.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One dated row of the drug and treatment catalog (医保目录). The self-pay ratio (自付比例) makes
 * the class: 0 = class A (甲类), 1 = class C (丙类, not covered), between = class B (乙类).
 *
 * @param maxUnitPrice the highest unit price the insurance recognises (最高限价); null = none
 * @param validTo null = open-ended
 */
public record CatalogItem(String itemCode, String name, Ratio selfPayRatio, BigDecimal maxUnitPrice,
		LocalDate validFrom, LocalDate validTo) {

	public CatalogItem {
		Objects.requireNonNull(itemCode, "itemCode");
		Objects.requireNonNull(selfPayRatio, "selfPayRatio");
		Objects.requireNonNull(validFrom, "validFrom");
	}

	public boolean validOn(LocalDate day) {
		return Validity.covers(this.validFrom, this.validTo, day);
	}

}
