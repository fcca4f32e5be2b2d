package org.medclaims.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts {@code java -jar medclaims.jar [command] [--property=value ...]}: {@code serve} runs the
 * long-lived service with its web pages; every other command runs without a web server and ends
 * the process with the command's exit status.
 */
public final class CommandLine {

	public static final String COMMAND_PROPERTY = "medclaims.command";

	public static final String SERVE = "serve";

	private CommandLine() {
	}

	/** The exit status, or empty while {@code serve} keeps running. */
	public static OptionalInt run(Class<?> application, String[] args) {
		List<String> positional = positional(args);
		String command = positional.isEmpty() ? SERVE : positional.get(0);
		SpringApplication app = new SpringApplication(application);
		app.setDefaultProperties(Map.of(COMMAND_PROPERTY, command));
		if (!SERVE.equals(command)) {
			app.setWebApplicationType(WebApplicationType.NONE);
		}
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

	/** The arguments that are not {@code --property=value} options: the command and its operands. */
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
