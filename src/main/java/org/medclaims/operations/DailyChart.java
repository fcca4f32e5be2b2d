package org.medclaims.operations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.medclaims.claims.ClaimTotals;
import org.medclaims.policy.Money;

/**
 * The dashboard's picture of the last days, drawn on the server as SVG (no script, no
 * CDN): a bar per day for the claims settled, a line through each day's fund payment.
 * Coordinates are in the SVG's own units; the template only places them.
 */
record DailyChart(List<Bar> bars, String fundLine, long maxSettled, Money maxFund, LocalDate first, LocalDate last) {

	static final int WIDTH = 760;

	static final int HEIGHT = 220;

	static final int LEFT = 48;

	static final int RIGHT = 72;

	static final int TOP = 16;

	static final int BOTTOM = 28;

	/**
	 * One day: its bar, the point of its fund payment, and whether its date is written
	 * under it.
	 */
	record Bar(LocalDate day, long settled, Money fund, String x, String y, String width, String height, String centre,
			String fundY, boolean labelled) {
	}

	/** The {@code days} days up to {@code today}, days without settlements at zero. */
	static DailyChart of(List<ClaimTotals.Day> settled, LocalDate today, int days) {
		Map<LocalDate, ClaimTotals.Day> byDay = settled.stream()
			.collect(Collectors.toMap(ClaimTotals.Day::day, Function.identity()));
		LocalDate first = today.minusDays(days - 1L);
		long maxSettled = Math.max(1, settled.stream().mapToLong(ClaimTotals.Day::settled).max().orElse(0));
		long maxFund = Math.max(1, settled.stream().mapToLong(d -> d.fund().fen()).max().orElse(0));
		double plotWidth = WIDTH - LEFT - RIGHT;
		double plotHeight = HEIGHT - TOP - BOTTOM;
		double slot = plotWidth / days;
		List<Bar> bars = new ArrayList<>(days);
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < days; i++) {
			LocalDate day = first.plusDays(i);
			ClaimTotals.Day d = byDay.getOrDefault(day, new ClaimTotals.Day(day, 0, Money.ZERO));
			double height = plotHeight * d.settled() / maxSettled;
			double x = LEFT + i * slot + slot * 0.15;
			double centre = LEFT + i * slot + slot / 2;
			double fundY = TOP + plotHeight - plotHeight * d.fund().fen() / maxFund;
			bars.add(new Bar(day, d.settled(), d.fund(), n(x), n(TOP + plotHeight - height), n(slot * 0.7), n(height),
					n(centre), n(fundY), (days - 1 - i) % 7 == 0));
			line.append(line.isEmpty() ? "" : " ").append(n(centre)).append(',').append(n(fundY));
		}
		return new DailyChart(bars, line.toString(), maxSettled, Money.ofFen(maxFund), first, today);
	}

	public int width() {
		return WIDTH;
	}

	public int height() {
		return HEIGHT;
	}

	public int plotLeft() {
		return LEFT;
	}

	public int plotRight() {
		return WIDTH - RIGHT;
	}

	public int plotTop() {
		return TOP;
	}

	public int plotBottom() {
		return HEIGHT - BOTTOM;
	}

	private static String n(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
