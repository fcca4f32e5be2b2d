package org.medclaims.operations;

import java.util.Arrays;
import java.util.Locale;

import org.medclaims.accounts.YearEndRollover;
import org.medclaims.system.OperatorMistake;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's pages: executions, running steps, today's totals, file outcomes; restart, stop, abandon. */
@Controller
@RequestMapping("/operations")
class DashboardController {

	private static final int PAGE_SIZE = 25;

	private final ExecutionQueries executions;

	private final DashboardQueries dashboard;

	private final JobControl control;

	private final YearEndRollover rollover;

	DashboardController(ExecutionQueries executions, DashboardQueries dashboard, JobControl control,
			YearEndRollover rollover) {
		this.executions = executions;
		this.dashboard = dashboard;
		this.control = control;
		this.rollover = rollover;
	}

	@GetMapping
	String dashboard(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		String asked = status == null ? "" : status.trim().toUpperCase(Locale.ROOT);
		String wanted = Arrays.stream(BatchStatus.values()).map(Enum::name).filter(asked::equals).findFirst().orElse(null);
		ExecutionQueries.Page executions = this.executions.list(wanted, null, Math.max(0, page), PAGE_SIZE);
		var running = this.dashboard.runningSteps();
		model.addAttribute("status", wanted);
		model.addAttribute("statuses", BatchStatus.values());
		model.addAttribute("executions", executions);
		model.addAttribute("running", running);
		model.addAttribute("refresh", !running.isEmpty() || executions.content().stream().anyMatch(ExecutionSummary::running));
		model.addAttribute("totals", this.dashboard.today());
		model.addAttribute("files", this.dashboard.latestFiles(20));
		model.addAttribute("rolledOver", this.rollover.years().stream().reduce((a, b) -> b).orElse(null));
		model.addAttribute("nextRollover", this.rollover.nextYear());
		return "operations/dashboard";
	}

	@GetMapping("/executions/{id}")
	String execution(@PathVariable long id, Model model) {
		ExecutionSummary execution = this.executions.summary(id).orElseThrow(() -> new ExecutionNotFound(id));
		model.addAttribute("execution", execution);
		model.addAttribute("parameters", this.executions.parameters(id));
		model.addAttribute("steps", this.executions.steps(id));
		model.addAttribute("refresh", execution.running());
		return "operations/execution";
	}

	@PostMapping("/executions/{id}/restart")
	String restart(@PathVariable long id, RedirectAttributes redirect) {
		try {
			JobExecution restarted = this.control.restart(id, false);
			redirect.addFlashAttribute("message",
					"Execution " + id + " restarted as execution " + restarted.getId() + ".");
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
			redirect.addFlashAttribute("message", "Execution " + id + " is ABANDONED: it will never be restarted.");
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
			redirect.addFlashAttribute("message", "The rollover of " + year + " started as execution "
					+ execution.getId() + ".");
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
			redirect.addFlashAttribute("message", "Settlement started as execution " + execution.getId() + ".");
		}
		catch (OperatorMistake ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/operations";
	}

}
