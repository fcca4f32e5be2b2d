package org.medclaims.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts {@code java -jar medclaims.jar [command] [--property=value ...]}: {@code serve}
 * runs the long-lived service with its web pages; every other command runs without a web
 * server and ends the process with the command's exit status.
 */
public final class CommandLine {

	public static final String COMMAND_PROPERTY = "medclaims.command";

	public static final String SERVE = "serve";

	public static final String RUN_ONCE = "run-once";

	public static final String WORKER = "worker";

	public static final String HELP = "help";

	private static final int UNKNOWN_COMMAND = 2;

	private CommandLine() {
	}

	/** The exit status, or empty while {@code serve} keeps running. */
	public static OptionalInt run(Class<?> application, String[] args) {
		List<String> positional = positional(args);
		String command = positional.isEmpty() ? SERVE : positional.get(0);
		// decided before anything starts: neither help nor a mistyped name opens a port
		// or a database
		if (HELP.equals(command) || Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
			CommandUsage.print(System.out);
			return OptionalInt.of(0);
		}
		if (CommandUsage.find(command).isEmpty()) {
			System.err.println("Unknown command '" + command + "'.");
			CommandUsage.print(System.err);
			return OptionalInt.of(UNKNOWN_COMMAND);
		}
		SpringApplication app = new SpringApplication(application);
		Map<String, Object> defaults = new HashMap<>(Map.of(COMMAND_PROPERTY, command));
		if (!SERVE.equals(command)) {
			app.setWebApplicationType(WebApplicationType.NONE);
			// a command's own output is what the operator reads; run-once also reports
			// progress
			defaults.put("logging.level.root", "WARN");
			defaults.put("logging.level.org.medclaims",
					RUN_ONCE.equals(command) || WORKER.equals(command) ? "INFO" : "WARN");
			// a failed start is told in one sentence on stderr, not as a stack trace
			defaults.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
			defaults.put("logging.level.org.springframework.context.annotation", "ERROR");
			defaults.put("logging.level.com.zaxxer.hikari", "OFF");
		}
		app.setDefaultProperties(defaults);
		ConfigurableApplicationContext context;
		try {
			context = app.run(args);
		}
		catch (RuntimeException ex) {
			System.err.println(OperatorMessages.describe(ex));
			return OptionalInt.of(1);
		}
		return SERVE.equals(command) ? OptionalInt.empty() : OptionalInt.of(SpringApplication.exit(context));
	}

	/**
	 * The arguments that are not {@code --property=value} options: the command and its
	 * operands.
	 */
	public static List<String> positional(String[] args) {
		List<String> positional = new ArrayList<>();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				positional.add(arg);
			}
		}
		return positional;
	}

}
