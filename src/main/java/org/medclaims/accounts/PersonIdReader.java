package org.medclaims.accounts;

import java.util.ArrayDeque;
import java.util.Deque;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Every person ID of the registry in ascending order, a page at a time (keyset paging).
 * The last ID handed out is saved in the chunk's transaction, so a restart goes on with
 * the next person.
 */
class PersonIdReader implements ItemStreamReader<String> {

	private final String name;

	private final RolloverRecords records;

	private final int pageSize;

	private final Deque<String> page = new ArrayDeque<>();

	private String last;

	private boolean exhausted;

	PersonIdReader(String name, RolloverRecords records, int pageSize) {
		this.name = name;
		this.records = records;
		this.pageSize = pageSize;
	}

	@Override
	public void open(ExecutionContext context) {
		this.last = context.getString(key(), "");
		this.page.clear();
		this.exhausted = false;
	}

	@Override
	public String read() {
		if (this.page.isEmpty() && !this.exhausted) {
			this.page.addAll(this.records.personsAfter(this.last, this.pageSize));
			this.exhausted = this.page.size() < this.pageSize;
		}
		String next = this.page.poll();
		if (next != null) {
			this.last = next;
		}
		return next;
	}

	@Override
	public void update(ExecutionContext context) {
		context.putString(key(), this.last);
	}

	private String key() {
		return this.name + ".last";
	}

}
