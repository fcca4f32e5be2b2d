package org.medclaims.settlement;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.medclaims.claims.WaitingClaims;
import org.medclaims.claims.WaitingClaims.Row;
import org.medclaims.policy.ClaimLine;
import org.medclaims.policy.ClaimToValue;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams the waiting claims (of files grouped by this run or an earlier one) of one
 * partition of households, one household at a time, each with its claims in settlement
 * order (service date, source file name, position). The claims come sorted from one
 * cursor; their lines are fetched by claim id for some {@value #CLAIMS_PER_LINE_QUERY}
 * claims of whole households at a time, so the database sorts the claims only, not every
 * line with its claim's columns. It keeps no restart state: settled claims are no longer
 * waiting, so a restart simply reads what is left.
 */
class HouseholdReader implements ItemStreamReader<Household> {

	/**
	 * Households are read ahead until they hold this many claims, whose lines are then
	 * fetched in one query.
	 */
	static final int CLAIMS_PER_LINE_QUERY = 1000;

	private final RowRuns<Row> households;

	private final WaitingClaims claims;

	private final Deque<Household> ready = new ArrayDeque<>();

	HouseholdReader(WaitingClaims claims, int partitions, int partition) {
		this.claims = claims;
		this.households = new RowRuns<>(claims.reader(partitions, partition, CLAIMS_PER_LINE_QUERY), Row::householdId);
	}

	@Override
	public Household read() throws Exception {
		if (this.ready.isEmpty()) {
			readAhead();
		}
		return this.ready.poll();
	}

	// whole households up to about CLAIMS_PER_LINE_QUERY claims, then their lines in one
	// query
	private void readAhead() throws Exception {
		List<List<Row>> households = new ArrayList<>();
		int claims = 0;
		while (claims < CLAIMS_PER_LINE_QUERY) {
			List<Row> household = this.households.next();
			if (household.isEmpty()) {
				break;
			}
			households.add(household);
			claims += household.size();
		}
		if (households.isEmpty()) {
			return;
		}
		Map<Long, List<ClaimLine>> lines = this.claims
			.linesOf(households.stream().flatMap(List::stream).map(Row::claimId).toArray(Long[]::new));
		for (List<Row> household : households) {
			this.ready.add(new Household(household.get(0).householdId(),
					household.stream()
						.map(r -> new WaitingClaim(r.claimId(),
								withLines(r.claim(), lines.getOrDefault(r.claimId(), List.of()))))
						.toList()));
		}
	}

	private static ClaimToValue withLines(ClaimToValue c, List<ClaimLine> lines) {
		return new ClaimToValue(c.claimNo(), c.hospitalCode(), c.hospitalLevel(), c.hospitalRegion(), c.patientId(),
				c.visitType(), c.startDate(), c.endDate(), c.specialDiseaseCode(), lines, false, false);
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.households.open(executionContext);
	}

	@Override
	public void update(ExecutionContext executionContext) {
	}

	@Override
	public void close() {
		this.households.close();
		this.ready.clear();
	}

}
