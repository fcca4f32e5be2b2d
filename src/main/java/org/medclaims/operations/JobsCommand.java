package org.medclaims.operations;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.medclaims.claims.SettlementRunMoney;
import org.medclaims.system.Command;
import org.medclaims.system.OperatorMistake;
import org.medclaims.system.PageFormats;

import org.springframework.batch.core.BatchStatus;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code jobs [--status=S] [--job=NAME] [--limit=N]}: the newest executions as a table;
 * {@code jobs <id>}: one execution with its parameters, steps and, for a settlement run,
 * its money.
 */
@Component
class JobsCommand implements Command {

	private static final String[] HEADER = { "ID", "JOB", "PARAMETERS", "STATUS", "START", "END", "DURATION", "READ",
			"WRITE", "SKIP", "REJECTED", "EXIT" };

	private final ExecutionQueries queries;

	private final Environment environment;

	private final SettlementRunMoney money;

	private final PageFormats formats;

	JobsCommand(ExecutionQueries queries, Environment environment, SettlementRunMoney money, PageFormats formats) {
		this.queries = queries;
		this.environment = environment;
		this.money = money;
		this.formats = formats;
	}

	@Override
	public String name() {
		return "jobs";
	}

	@Override
	public int run(List<String> arguments) {
		if (!arguments.isEmpty()) {
			printOne(ExecutionIdArgument.parse(arguments, "jobs"), System.out);
			return 0;
		}
		String status = this.environment.getProperty("status");
		String job = this.environment.getProperty("job");
		int limit = this.environment.getProperty("limit", Integer.class, 50);
		print(status, job, limit, System.out);
		return 0;
	}

	void print(String status, String job, int limit, PrintStream out) {
		String wanted = status == null ? null : status.trim().toUpperCase(Locale.ROOT);
		if (wanted != null && Arrays.stream(BatchStatus.values()).noneMatch(s -> s.name().equals(wanted))) {
			throw new OperatorMistake("Unknown status '" + status + "': use one of "
					+ String.join(", ", Arrays.stream(BatchStatus.values()).map(Enum::name).toList()) + ".");
		}
		ExecutionQueries.Page page = this.queries.list(wanted, job, 0, Math.max(1, limit));
		if (page.content().isEmpty()) {
			out.println(wanted == null ? "No job executions yet." : "No job executions are " + wanted + ".");
			return;
		}
		List<String[]> rows = new ArrayList<>();
		rows.add(HEADER);
		for (ExecutionSummary e : page.content()) {
			rows.add(new String[] { String.valueOf(e.id()), e.jobName(), e.parameters(), e.status(),
					this.formats.time(e.startTime()), this.formats.time(e.endTime()), e.durationText(),
					String.valueOf(e.readCount()), String.valueOf(e.writeCount()), String.valueOf(e.skipCount()),
					e.rejectedClaims() == null ? "" : String.valueOf(e.rejectedClaims()), exit(e) });
		}
		int[] widths = new int[HEADER.length];
		for (String[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		for (String[] row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.length; i++) {
				boolean number = i >= 7 && i <= 10;
				String cell = i == row.length - 1 ? row[i]
						: String.format("%" + (number ? "" : "-") + widths[i] + "s", row[i]);
				line.append(cell).append(i == row.length - 1 ? "" : "  ");
			}
			out.println(line.toString().stripTrailing());
		}
		if (page.totalElements() > page.content().size()) {
			out.printf("(%d newest of %d; --limit=N shows more)%n", page.content().size(), page.totalElements());
		}
	}

	void printOne(long id, PrintStream out) {
		ExecutionSummary e = this.queries.summary(id).orElseThrow(() -> new ExecutionNotFound(id));
		out.printf("Execution %d of %s: %s%s%n", e.id(), e.jobName(), e.status(),
				e.outcome().equals(e.status()) ? "" : " (" + e.outcome() + ")");
		out.printf("  started %s, ended %s, took %s, owner %s%n", orNone(this.formats.time(e.startTime())),
				orNone(this.formats.time(e.endTime())), orNone(e.durationText()),
				e.owner() == null ? "unknown" : e.owner());
		if (e.exitDescription() != null && !e.exitDescription().isBlank()) {
			out.println("  exit " + exit(e));
		}
		out.println("Parameters:");
		for (ExecutionQueries.Parameter p : this.queries.parameters(id)) {
			String shown = "run".equals(p.name()) && p.value() != null && p.value().matches("[0-9]{1,18}") ? p.value()
					+ " (" + this.formats.time(java.time.Instant.ofEpochMilli(Long.parseLong(p.value()))) + ")"
					: p.value();
			out.printf("  %s = %s%s%n", p.name(), shown, p.identifying() ? "" : " (not identifying)");
		}
		out.println("Steps:");
		for (StepSummary step : this.queries.steps(id)) {
			out.printf("  %-26s %-9s read %s, written %s, skipped %s, %s%s%n", step.stepName(), step.status(),
					this.formats.count(step.readCount()), this.formats.count(step.writeCount()),
					this.formats.count(step.skipCount()), step.durationText(),
					step.worker() == null ? "" : ", on " + step.worker());
		}
		if (JobControl.SETTLEMENT_JOB.equals(e.jobName())) {
			Optional<SettlementRunMoney.Totals> totals = this.money.of(id);
			if (totals.isEmpty()) {
				out.println("Money: this execution settled no claim.");
			}
			else {
				SettlementRunMoney.Totals t = totals.get();
				out.printf("Money: %s claims settled, %s rejected%n", this.formats.count(t.settled()),
						this.formats.count(t.rejected()));
				String[][] lines = { { "total claimed", this.formats.money(t.total()) },
						{ "fund", this.formats.money(t.fund()) },
						{ "current-year accounts", this.formats.money(t.currentAccount()) },
						{ "historical accounts", this.formats.money(t.historicalAccount()) },
						{ "family accounts", this.formats.money(t.familyAccount()) },
						{ "cash", this.formats.money(t.cash()) } };
				int width = java.util.Arrays.stream(lines).mapToInt(l -> l[1].length()).max().orElse(0);
				for (String[] line : lines) {
					out.printf("  %-22s %" + width + "s yuan%n", line[0], line[1]);
				}
			}
		}
	}

	private static String orNone(String value) {
		return value == null || value.isEmpty() ? "-" : value;
	}

	// the exit code, and for a failure the first line of its reason
	private static String exit(ExecutionSummary e) {
		String code = e.exitCode() == null ? "" : e.exitCode();
		String description = e.exitDescription() == null ? "" : e.exitDescription().strip();
		if (description.isEmpty()) {
			return code;
		}
		int newline = description.indexOf('\n');
		String first = newline < 0 ? description : description.substring(0, newline);
		if (first.length() > 160) {
			first = first.substring(0, 157) + "...";
		}
		return code + ": " + first;
	}

}
