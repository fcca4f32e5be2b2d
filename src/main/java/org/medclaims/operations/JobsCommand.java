package org.medclaims.operations;

import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.medclaims.system.Command;
import org.medclaims.system.OperatorMistake;

import org.springframework.batch.core.BatchStatus;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** {@code jobs [--status=S] [--job=NAME] [--limit=N]}: the newest executions as a table. */
@Component
class JobsCommand implements Command {

	private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final String[] HEADER = { "ID", "JOB", "PARAMETERS", "STATUS", "START", "END", "DURATION", "READ",
			"WRITE", "SKIP", "REJECTED", "EXIT" };

	private final ExecutionQueries queries;

	private final Environment environment;

	JobsCommand(ExecutionQueries queries, Environment environment) {
		this.queries = queries;
		this.environment = environment;
	}

	@Override
	public String name() {
		return "jobs";
	}

	@Override
	public int run(List<String> arguments) {
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
					e.startTime() == null ? "" : START.format(e.startTime()),
					e.endTime() == null ? "" : START.format(e.endTime()), e.durationText(),
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
