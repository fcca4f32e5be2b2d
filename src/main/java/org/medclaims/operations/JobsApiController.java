package org.medclaims.operations;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.medclaims.claims.ClaimCriteria;
import org.medclaims.claims.ClaimSearch;
import org.medclaims.claims.ClaimsCsv;
import org.medclaims.claims.SettlementRunMoney;
import org.medclaims.system.PageFormats;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/jobs}: executions, their steps, and the operator's actions on them
 * (interfaces.md).
 */
@RestController
@RequestMapping("/api/jobs")
class JobsApiController {

	private final ExecutionQueries queries;

	private final JobControl control;

	private final SettlementRunMoney money;

	private final ClaimSearch claims;

	private final PageFormats formats;

	JobsApiController(ExecutionQueries queries, JobControl control, SettlementRunMoney money, ClaimSearch claims,
			PageFormats formats) {
		this.queries = queries;
		this.control = control;
		this.money = money;
		this.claims = claims;
		this.formats = formats;
	}

	@GetMapping("/executions")
	ExecutionPage list(@RequestParam(required = false) String status, @RequestParam(required = false) String job,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		String wanted = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
		if (wanted != null && Arrays.stream(BatchStatus.values()).noneMatch(s -> s.name().equals(wanted))) {
			throw new InvalidInput("status", "must be one of " + Arrays.toString(BatchStatus.values()));
		}
		if (page < 0) {
			throw new InvalidInput("page", "must be 0 or more");
		}
		if (size < 1 || size > 200) {
			throw new InvalidInput("size", "must be between 1 and 200");
		}
		ExecutionQueries.Page result = this.queries.list(wanted, job, page, size);
		return new ExecutionPage(result.content().stream().map(ExecutionView::of).toList(), result.page(),
				result.size(), result.totalElements(), result.totalPages());
	}

	/**
	 * The execution, its parameters and steps, and for a settlement run the money it
	 * moved.
	 */
	@GetMapping("/executions/{id}")
	ExecutionDetail detail(@PathVariable long id) {
		ExecutionSummary summary = this.queries.summary(id).orElseThrow(() -> new ExecutionNotFound(id));
		MoneyView money = JobControl.SETTLEMENT_JOB.equals(summary.jobName())
				? MoneyView.of(this.money.of(id).orElse(null)) : null;
		return new ExecutionDetail(ExecutionView.of(summary), this.queries.parameters(id), this.queries.steps(id),
				money);
	}

	/**
	 * The claims a settlement run settled or rejected, as CSV (the columns of
	 * {@code GET /api/claims}).
	 */
	@GetMapping(path = "/executions/{id}/claims", produces = "text/csv")
	void claims(@PathVariable long id, HttpServletResponse response) throws IOException {
		this.queries.summary(id).orElseThrow(() -> new ExecutionNotFound(id));
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"run-" + id + "-claims.csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		ClaimsCsv csv = new ClaimsCsv(out, this.formats, ClaimsCsv.COLUMNS);
		this.claims.each(ClaimCriteria.ofRun(id), csv::write);
		csv.flush();
	}

	@PostMapping("/executions/{id}/restart")
	ResponseEntity<Action> restart(@PathVariable long id) {
		JobExecution restarted = this.control.restart(id, false);
		return ResponseEntity.accepted()
			.location(URI.create("/api/jobs/executions/" + restarted.getId()))
			.body(new Action(restarted.getId(), restarted.getJobInstance().getJobName(), restarted.getStatus().name(),
					"Execution " + id + " restarted as execution " + restarted.getId() + "."));
	}

	@PostMapping("/executions/{id}/stop")
	ResponseEntity<Action> stop(@PathVariable long id) {
		String message = this.control.stop(id);
		JobExecution execution = this.control.find(id);
		return ResponseEntity.accepted()
			.body(new Action(id, execution.getJobInstance().getJobName(), execution.getStatus().name(), message));
	}

	@PostMapping("/executions/{id}/abandon")
	Action abandon(@PathVariable long id) {
		JobExecution execution = this.control.abandon(id);
		return new Action(id, execution.getJobInstance().getJobName(), execution.getStatus().name(),
				"Execution " + id + " is ABANDONED: it will never be restarted.");
	}

	@PostMapping("/settlement")
	ResponseEntity<Action> settle() {
		JobExecution execution = this.control.launchSettlement();
		return ResponseEntity.accepted()
			.location(URI.create("/api/jobs/executions/" + execution.getId()))
			.body(new Action(execution.getId(), execution.getJobInstance().getJobName(), execution.getStatus().name(),
					"Settlement started as execution " + execution.getId() + "."));
	}

	@PostMapping("/rollover")
	ResponseEntity<Action> rollover(@RequestBody RolloverRequest request) {
		if (request.year() == null) {
			throw new InvalidInput("year", "is required: the year to roll over, e.g. 2013");
		}
		JobExecution execution = this.control.launchRollover(request.year());
		return ResponseEntity.accepted()
			.location(URI.create("/api/jobs/executions/" + execution.getId()))
			.body(new Action(execution.getId(), execution.getJobInstance().getJobName(), execution.getStatus().name(),
					"The rollover of " + request.year() + " started as execution " + execution.getId() + "."));
	}

	/** {@code {"year": 2013}}. */
	record RolloverRequest(Integer year) {

	}

	record ExecutionPage(List<ExecutionView> content, int page, int size, long totalElements, long totalPages) {

	}

	record ExecutionView(long id, String jobName, String parameters, String status, String exitCode,
			String exitDescription, LocalDateTime startTime, LocalDateTime endTime, Long durationMillis, long readCount,
			long writeCount, long filterCount, long skipCount, long commitCount, long rollbackCount,
			Long rejectedClaims, String owner) {

		static ExecutionView of(ExecutionSummary e) {
			return new ExecutionView(e.id(), e.jobName(), e.parameters(), e.status(), e.exitCode(), e.exitDescription(),
					e.startTime(), e.endTime(), e.duration() == null ? null : e.duration().toMillis(), e.readCount(),
					e.writeCount(), e.filterCount(), e.skipCount(), e.commitCount(), e.rollbackCount(),
					e.rejectedClaims(), e.owner());
		}

	}

	record ExecutionDetail(ExecutionView execution, List<ExecutionQueries.Parameter> parameters,
			List<StepSummary> steps, MoneyView money) {

	}

	/**
	 * A settlement run's money as yuan strings with two decimals; all zero before it
	 * settled anything.
	 */
	record MoneyView(long claimsSettled, long claimsRejected, String total, String fund, String currentAccount,
			String historicalAccount, String familyAccount, String cash) {

		static MoneyView of(SettlementRunMoney.Totals t) {
			if (t == null) {
				return new MoneyView(0, 0, "0.00", "0.00", "0.00", "0.00", "0.00", "0.00");
			}
			return new MoneyView(t.settled(), t.rejected(), t.total().toString(), t.fund().toString(),
					t.currentAccount().toString(), t.historicalAccount().toString(), t.familyAccount().toString(),
					t.cash().toString());
		}

	}

	record Action(long executionId, String jobName, String status, String message) {

	}

}
