package org.medclaims.operations;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.medclaims.accounts.YearEndRollover;
import org.medclaims.claims.ClaimCriteria;
import org.medclaims.claims.ClaimFileQueries;
import org.medclaims.claims.ClaimSearch;
import org.medclaims.claims.ClaimTotals;
import org.medclaims.claims.ClaimsCsv;
import org.medclaims.claims.SettlementRunMoney;
import org.medclaims.system.CurrentUserAdvice;
import org.medclaims.system.OperatorMistake;
import org.medclaims.system.PageFormats;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The operator's pages: today's totals and the last 30 days, executions with what each
 * may do, running steps, the latest files; an execution with its parameters, steps and,
 * for a settlement run, its money and claims; restart, stop, abandon.
 */
@Controller
@RequestMapping("/operations")
class DashboardController {

	private static final int PAGE_SIZE = 25;

	static final int CHART_DAYS = 30;

	private final ExecutionQueries executions;

	private final ClaimTotals totals;

	private final ClaimFileQueries files;

	private final JobControl control;

	private final YearEndRollover rollover;

	private final HumanParameters parameters;

	private final SettlementRunMoney money;

	private final ClaimSearch claims;

	private final PageFormats formats;

	DashboardController(ExecutionQueries executions, ClaimTotals totals, ClaimFileQueries files, JobControl control,
			HumanParameters parameters, SettlementRunMoney money, ClaimSearch claims, PageFormats formats,
			YearEndRollover rollover) {
		this.executions = executions;
		this.totals = totals;
		this.files = files;
		this.control = control;
		this.parameters = parameters;
		this.money = money;
		this.claims = claims;
		this.formats = formats;
		this.rollover = rollover;
	}

	@GetMapping
	String dashboard(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		String asked = status == null ? "" : status.trim().toUpperCase(Locale.ROOT);
		String wanted = Arrays.stream(BatchStatus.values())
			.map(Enum::name)
			.filter(asked::equals)
			.findFirst()
			.orElse(null);
		ExecutionQueries.Page executions = this.executions.list(wanted, null, Math.max(0, page), PAGE_SIZE);
		Map<Long, List<ExecutionQueries.Parameter>> parameters = this.executions
			.parametersOf(executions.content().stream().map(ExecutionSummary::id).toList());
		var running = this.executions.runningSteps();
		LocalDate today = LocalDate.now(this.formats.zone());
		model.addAttribute("status", wanted);
		model.addAttribute("statuses", BatchStatus.values());
		model.addAttribute("executions", executions);
		model.addAttribute("parameters",
				executions.content()
					.stream()
					.collect(java.util.stream.Collectors.toMap(ExecutionSummary::id,
							e -> this.parameters.summary(parameters.getOrDefault(e.id(), List.of())))));
		model.addAttribute("here", ServletUriComponentsBuilder.fromCurrentRequest());
		model.addAttribute("running", running);
		model.addAttribute("refresh",
				!running.isEmpty() || executions.content().stream().anyMatch(ExecutionSummary::running));
		model.addAttribute("totals", this.totals.today(this.formats.zone()));
		model.addAttribute("chart", DailyChart
			.of(this.totals.settledPerDay(this.formats.zone(), today.minusDays(CHART_DAYS - 1L)), today, CHART_DAYS));
		model.addAttribute("files", this.files.search(null, null, null, null, null, this.formats.zone(), 0, 20).rows());
		model.addAttribute("rolledOver", this.rollover.years().stream().reduce((a, b) -> b).orElse(null));
		model.addAttribute("nextRollover", this.rollover.nextYear());
		return "operations/dashboard";
	}

	@GetMapping("/executions/{id}")
	String execution(@PathVariable long id, Model model) {
		ExecutionSummary execution = this.executions.summary(id).orElseThrow(() -> new ExecutionNotFound(id));
		List<ExecutionQueries.Parameter> raw = this.executions.parameters(id);
		model.addAttribute("execution", execution);
		model.addAttribute("parameters", this.parameters.of(raw));
		model.addAttribute("rawParameters", raw);
		model.addAttribute("steps", this.executions.steps(id));
		model.addAttribute("settlementRun", JobControl.SETTLEMENT_JOB.equals(execution.jobName()));
		model.addAttribute("money", this.money.of(id).orElse(null));
		model.addAttribute("refresh", execution.running());
		return "operations/execution";
	}

	/**
	 * The claims a settlement run settled or rejected, as CSV with the page's column
	 * names.
	 */
	@GetMapping("/executions/{id}/claims.csv")
	void executionClaims(@PathVariable long id, HttpServletResponse response) throws IOException {
		this.executions.summary(id).orElseThrow(() -> new ExecutionNotFound(id));
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"run-" + id + "-claims.csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write('\uFEFF'); // spreadsheets read UTF-8 only with its mark
		ClaimsCsv csv = new ClaimsCsv(out, this.formats, ClaimsCsv.header(c -> this.formats.label("column", c)));
		this.claims.each(ClaimCriteria.ofRun(id), csv::write);
		csv.flush();
	}

	@PostMapping("/executions/{id}/restart")
	String restart(@PathVariable long id, RedirectAttributes redirect) {
		try {
			JobExecution restarted = this.control.restart(id, false);
			redirect.addFlashAttribute("message", this.formats.message("execution.restarted", id, restarted.getId()));
		}
		catch (OperatorMistake ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/operations";
	}

	@PostMapping("/executions/{id}/stop")
	String stop(@PathVariable long id, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("message", this.control.stop(id));
		}
		catch (OperatorMistake ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/operations/executions/" + id;
	}

	@PostMapping("/executions/{id}/abandon")
	String abandon(@PathVariable long id, RedirectAttributes redirect) {
		try {
			this.control.abandon(id);
			redirect.addFlashAttribute("message", this.formats.message("execution.abandoned", id));
		}
		catch (OperatorMistake ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/operations/executions/" + id;
	}

	@PostMapping("/rollover")
	String rollover(@RequestParam int year, RedirectAttributes redirect) {
		try {
			JobExecution execution = this.control.launchRollover(year);
			redirect.addFlashAttribute("message", this.formats.message("rollover.started", year, execution.getId()));
		}
		catch (OperatorMistake ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/operations";
	}

	@PostMapping("/settlement")
	String settle(RedirectAttributes redirect) {
		try {
			JobExecution execution = this.control.launchSettlement();
			redirect.addFlashAttribute("message", this.formats.message("settlement.started", execution.getId()));
		}
		catch (OperatorMistake ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/operations";
	}

	@ExceptionHandler
	String notFound(ExecutionNotFound ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("message", this.formats.message("notFound.execution", ex.id()));
		CurrentUserAdvice.addTo(model);
		return "error/404";
	}

}
