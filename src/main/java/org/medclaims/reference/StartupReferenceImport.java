package org.medclaims.reference;

import java.nio.file.Path;
import java.util.Optional;

import org.medclaims.system.CommandLine;
import org.medclaims.system.OperatorMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code serve} imports {@code medclaims.reference-dir} (the demo registry in demo mode)
 * at start.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class StartupReferenceImport implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StartupReferenceImport.class);

	private final ReferenceImport referenceImport;

	private final boolean serving;

	StartupReferenceImport(ReferenceImport referenceImport, Environment environment) {
		this.referenceImport = referenceImport;
		this.serving = CommandLine.SERVE
			.equals(environment.getProperty(CommandLine.COMMAND_PROPERTY, CommandLine.SERVE));
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		Optional<Path> dir = this.serving ? this.referenceImport.startupDir() : Optional.empty();
		if (dir.isEmpty()) {
			return;
		}
		ReferenceImport.Outcome outcome = this.referenceImport.importFrom(dir.get());
		outcome.summary().forEach(line -> log.info("Reference import: {}", line));
		if (!outcome.succeeded()) {
			log.error("Reference import of {} ended {}: {}", dir.get(),
					outcome.execution().getExitStatus().getExitCode(),
					OperatorMessages.whyNotCompleted(outcome.execution()));
		}
	}

}
