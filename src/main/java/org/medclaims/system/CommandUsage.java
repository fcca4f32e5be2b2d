package org.medclaims.system;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * Every command of the command line with its usage line (interfaces.md): what
 * {@code help} prints and what a command name is checked against before anything starts,
 * so it needs no Spring context. A new command adds its one line here;
 * {@code CommandRunner} refuses to start with a command that has none.
 */
public final class CommandUsage {

	/** One command: its name, its operands and options, and what it does. */
	public record Line(String name, String arguments, String description) {
	}

	private static final List<Line> LINES = List.of(
			new Line("serve", "",
					"(default) watch the inbound folder and SFTP, settle nightly, serve web pages and API"),
			new Line("run-once", "",
					"import medclaims.reference-dir when set, take in every claim file present, settle,"
							+ " write every answer, exit"),
			new Line("import-reference", "[dir]", "import the reference data (registry, catalog) from dir"),
			new Line("settle", "[--despite-unfinished-intake]", "run the settlement job now"),
			new Line("credit-accounts", "<file>", "credit the personal accounts from a contribution system's file"),
			new Line("rollover", "<year>", "move every current-year balance of the year into the historical account"),
			new Line("verify-ledger", "",
					"print the ledger's totals; prove every balance = opening + in - out and"
							+ " that nothing dangles"),
			new Line("jobs", "[id] [--status=S] [--job=NAME] [--limit=N]",
					"list job executions, or show one with its steps and, for a settlement run, its money"),
			new Line("restart", "<executionId>", "restart a FAILED or STOPPED execution and wait for it"),
			new Line("stop", "<executionId>", "ask a running execution to stop at its next chunk"),
			new Line("abandon", "<executionId>", "give an execution up for good"),
			new Line("worker", "", "run the intake and settlement partitions the broker hands out, until stopped"),
			new Line("help", "", "print this usage (also --help, -h); starts nothing"));

	private CommandUsage() {
	}

	public static List<Line> lines() {
		return LINES;
	}

	public static Optional<Line> find(String name) {
		return LINES.stream().filter(l -> l.name().equals(name)).findFirst();
	}

	/** The usage, one command a line, aligned. */
	public static void print(PrintStream out) {
		out.println("Usage: java -jar target/medclaims.jar [command] [--property=value ...]");
		out.println();
		out.println("Commands:");
		int width = LINES.stream().mapToInt(l -> label(l).length()).max().orElse(0);
		for (Line line : LINES) {
			out.printf("  %-" + width + "s  %s%n", label(line), line.description());
		}
		out.println();
		out.println("Properties such as --spring.datasource.url=... apply to every command; see README.md.");
		out.println("Exit status: 0 done, 1 failed (one sentence on stderr), 2 unknown command.");
	}

	private static String label(Line line) {
		return line.arguments().isEmpty() ? line.name() : line.name() + " " + line.arguments();
	}

}
