package org.medclaims.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Catalog items whose code or name starts with what a clerk typed, as valid on a day: the
 * desk's line editor suggests them, {@code GET /api/catalog} lists them. Codes match
 * whatever the case, code matches first.
 */
@Repository
public class CatalogLookup {

	/**
	 * One catalog row valid on the asked day, with the class its self-pay ratio makes.
	 */
	public record Entry(String itemCode, String name, String itemClass, BigDecimal selfPayRatio,
			BigDecimal maxUnitPrice, LocalDate validFrom, LocalDate validTo) {
	}

	private final JdbcTemplate jdbc;

	CatalogLookup(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<Entry> find(String prefix, LocalDate day, int limit) {
		String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return this.jdbc.query("""
				SELECT item_code, name, self_pay_ratio, max_unit_price, valid_from, valid_to FROM catalog_item
				 WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
				   AND (upper(item_code) LIKE upper(?) OR name LIKE ?)
				 ORDER BY upper(item_code) LIKE upper(?) DESC, item_code LIMIT ?
				""",
				(rs, i) -> new Entry(rs.getString(1), rs.getString(2), itemClass(rs.getBigDecimal(3)),
						rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getObject(5, LocalDate.class),
						rs.getObject(6, LocalDate.class)),
				day, day, pattern, pattern, pattern, limit);
	}

	/** 甲类 A (ratio 0), 丙类 C (ratio 1, not covered), 乙类 B between (policy.md). */
	static String itemClass(BigDecimal ratio) {
		if (ratio.signum() == 0) {
			return "A";
		}
		return ratio.compareTo(BigDecimal.ONE) >= 0 ? "C" : "B";
	}

}
