package org.medclaims.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * catalog.csv: the dated drug and service catalog (目录). The file is the whole catalog, so
 * it replaces the table; rows of one item must not overlap in time.
 */
final class CatalogTable extends ReferenceTable<CatalogTable.Item> {

	record Item(String itemCode, String name, BigDecimal selfPayRatio, BigDecimal maxUnitPrice, LocalDate validFrom,
			LocalDate validTo) {
	}

	private record Period(LocalDate from, LocalDate to, long line) {
	}

	private final Map<String, List<Period>> periods = new HashMap<>();

	@Override
	String fileName() {
		return "catalog.csv";
	}

	@Override
	List<String> columns() {
		return List.of("itemCode", "name", "selfPayRatio", "maxUnitPrice", "validFrom", "validTo");
	}

	@Override
	Item parse(CsvRow row) {
		Item item = new Item(row.code("itemCode", 40), row.text("name"), row.ratio("selfPayRatio"),
				row.optionalPrice("maxUnitPrice"), row.date("validFrom"), row.optionalDate("validTo"));
		row.period(item.validFrom(), item.validTo());
		if (row.isValid()) {
			this.periods.computeIfAbsent(item.itemCode(), k -> new ArrayList<>())
				.add(new Period(item.validFrom(), item.validTo(), row.line()));
		}
		return item;
	}

	@Override
	List<Problem> finish() {
		List<Problem> problems = new ArrayList<>();
		this.periods.forEach((code, list) -> {
			list.sort(Comparator.comparing(Period::from));
			for (int i = 1; i < list.size(); i++) {
				Period before = list.get(i - 1);
				Period after = list.get(i);
				if (before.to() == null || !before.to().isBefore(after.from())) {
					problems.add(new Problem(after.line(),
							"item " + code + " valid from " + after.from() + " overlaps its row on line "
									+ before.line() + " (valid from " + before.from() + " to "
									+ (before.to() == null ? "open end" : before.to()) + ")"));
				}
			}
		});
		problems.sort(Comparator.comparingLong(Problem::line));
		return problems;
	}

	@Override
	void beforeWrite(JdbcTemplate jdbc) {
		jdbc.update("DELETE FROM catalog_item");
	}

	@Override
	void write(List<Item> batch, JdbcTemplate jdbc) {
		jdbc.batchUpdate("""
				INSERT INTO catalog_item (item_code, name, self_pay_ratio, max_unit_price, valid_from, valid_to)
				VALUES (?, ?, ?, ?, ?, ?)
				""", batch, batch.size(), (ps, i) -> {
			ps.setString(1, i.itemCode());
			ps.setString(2, i.name());
			ps.setBigDecimal(3, i.selfPayRatio());
			ps.setBigDecimal(4, i.maxUnitPrice());
			ps.setObject(5, i.validFrom());
			ps.setObject(6, i.validTo());
		});
	}

}
