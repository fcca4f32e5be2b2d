package org.medclaims.settlement;

import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import static org.assertj.core.api.Assertions.assertThat;

class RowRunsTests {

	@Test
	void readsConsecutiveRowsOfOneKeyAsARunAndNothingOnceDone() throws Exception {
		RowRuns<long[]> runs = new RowRuns<>(cursor(new long[] { 7, 1 }, new long[] { 7, 2 }, new long[] { 3, 3 },
				new long[] { 9, 4 }, new long[] { 9, 5 }, new long[] { 9, 6 }), row -> row[0]);
		runs.open(new ExecutionContext());

		assertThat(values(runs.next())).containsExactly(1L, 2L);
		assertThat(values(runs.next())).containsExactly(3L);
		assertThat(values(runs.next())).containsExactly(4L, 5L, 6L);
		assertThat(runs.next()).isEmpty();
		assertThat(runs.next()).isEmpty();
	}

	@Test
	void anEmptyCursorHasNoRun() throws Exception {
		assertThat(new RowRuns<long[]>(cursor(), row -> row[0]).next()).isEmpty();
	}

	private static List<Long> values(List<long[]> run) {
		return run.stream().map(row -> row[1]).toList();
	}

	private static ItemStreamReader<long[]> cursor(long[]... rows) {
		Iterator<long[]> iterator = List.of(rows).iterator();
		return () -> iterator.hasNext() ? iterator.next() : null;
	}

}
