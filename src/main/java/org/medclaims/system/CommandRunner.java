package org.medclaims.system;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Runs the command named on the command line once the application has started. */
@Component
class CommandRunner implements ApplicationRunner, ExitCodeGenerator {

	private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);

	private final Map<String, Command> commands = new TreeMap<>();

	private final String command;

	private int exitCode;

	CommandRunner(List<Command> commands, Environment environment) {
		for (Command command : commands) {
			// help prints the usage without starting Spring: a command without its line
			// there would be invisible
			if (CommandUsage.find(command.name()).isEmpty()) {
				throw new IllegalStateException("Command '" + command.name() + "' has no usage line in CommandUsage");
			}
			this.commands.put(command.name(), command);
		}
		this.command = environment.getProperty(CommandLine.COMMAND_PROPERTY, CommandLine.SERVE);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (CommandLine.SERVE.equals(this.command)) {
			return;
		}
		Command selected = this.commands.get(this.command);
		if (selected == null) {
			System.err.printf("Command '%s' is not available in this process.%n", this.command);
			CommandUsage.print(System.err);
			this.exitCode = 2;
			return;
		}
		List<String> operands = args.getNonOptionArgs();
		try {
			this.exitCode = selected.run(operands.subList(1, operands.size()));
		}
		catch (Exception ex) {
			log.debug("Command {} failed", this.command, ex);
			System.err.println(OperatorMessages.describe(ex));
			this.exitCode = 1;
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
