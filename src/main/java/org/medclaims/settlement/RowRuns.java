package org.medclaims.settlement;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * A cursor's rows, sorted by a key, read a run at a time: the consecutive rows sharing
 * one key (a household's claims, a file's claims). It keeps no restart state.
 */
final class RowRuns<T> implements ItemStream {

	private final ItemStreamReader<T> rows;

	private final ToLongFunction<T> key;

	// the first row of the next run, read to see the current one end
	private T pending;

	RowRuns(ItemStreamReader<T> rows, ToLongFunction<T> key) {
		this.rows = rows;
		this.key = key;
	}

	/** The next run of rows; empty once the cursor is done. */
	List<T> next() throws Exception {
		T row = (this.pending != null) ? this.pending : this.rows.read();
		this.pending = null;
		List<T> run = new ArrayList<>();
		if (row == null) {
			return run;
		}
		long key = this.key.applyAsLong(row);
		while (row != null && this.key.applyAsLong(row) == key) {
			run.add(row);
			row = this.rows.read();
		}
		this.pending = row;
		return run;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.rows.open(executionContext);
	}

	@Override
	public void close() {
		this.rows.close();
		this.pending = null;
	}

}
