package org.medclaims.intake;

import java.nio.file.Path;
import java.util.List;

import org.medclaims.claims.ClaimFiles;
import org.medclaims.system.CommandLine;
import org.medclaims.system.MedclaimsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.core.env.Environment;
import org.springframework.integration.metadata.ConcurrentMetadataStore;
import org.springframework.messaging.MessagingException;

/**
 * {@code serve} watches the inbound folder: stable, non-temporary files never taken
 * before, in name order, handed to {@link ClaimIntake#receive} a poll at a time. Other
 * commands never poll.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = CommandLine.COMMAND_PROPERTY, havingValue = CommandLine.SERVE, matchIfMissing = true)
class InboundFlowConfiguration {

	static final String ADAPTER_ID = "claimFileInbound";

	static final String ERROR_CHANNEL = "claimFileErrors";

	private static final Logger log = LoggerFactory.getLogger(InboundFlowConfiguration.class);

	/**
	 * Takes the claim files of the inbound folder whose upload is complete, once each:
	 * what one poll finds is one batch, one intake execution.
	 */
	@Bean
	IntegrationFlow claimFileInboundFlow(InboundFolder inbound, ClaimIntake intake, IntakeProperties properties) {
		long stableFor = properties.stableFor().toSeconds();
		return IntegrationFlow.fromSupplier(() -> {
			List<Path> files = inbound.takeStableNewFiles(stableFor);
			return files.isEmpty() ? null : files;
		}, e -> e.id(ADAPTER_ID)
			.autoStartup(false)
			.poller(Pollers.fixedDelay(properties.pollInterval()).errorChannel(ERROR_CHANNEL)))
			.handle(List.class, (files, headers) -> {
				List<Path> batch = ((List<?>) files).stream().map(Path.class::cast).toList();
				try {
					intake.receive(batch.stream().map(ClaimIntake.Incoming::local).toList());
				}
				catch (ClaimIntake.ArrivalNotRecorded ex) {
					batch.forEach(inbound::forgetOrRetry);
					throw ex;
				}
				return null;
			}, e -> e.id("claimFileIntake"))
			.get();
	}

	/**
	 * Logs what went wrong while taking files; a file whose arrival was not recorded is
	 * taken again.
	 */
	@Bean
	IntegrationFlow claimFileErrorFlow() {
		return IntegrationFlow.from(ERROR_CHANNEL).handle(MessagingException.class, (failure, headers) -> {
			Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
			Object file = (failure.getFailedMessage() != null) ? failure.getFailedMessage().getPayload() : "?";
			log.error("Taking claim files {} from the inbound folder failed: {}", file, cause.getMessage(), cause);
			return null;
		}, e -> e.id("claimFileErrorLogger")).get();
	}

	@Bean
	UnfinishedArrivalsRetry unfinishedArrivalsRetry(ClaimIntake intake, IntakeProperties properties,
			IntakeLock intakeLock, InboundFolder inbound) {
		return new UnfinishedArrivalsRetry(intake, properties.watch(), intakeLock, inbound::forgetPending);
	}

	@Bean
	InboundStartup inboundStartup(InboundFolder inbound, ClaimIntake intake, ClaimFiles claimFiles,
			MedclaimsProperties folders, ConcurrentMetadataStore metadataStore, Environment environment,
			ApplicationContext context, IntakeProperties properties, IntakeLock intakeLock) {
		return new InboundStartup(inbound, intake, claimFiles, folders, metadataStore, environment, properties.watch(),
				() -> context.getBean(ADAPTER_ID, Lifecycle.class).start(), intakeLock);
	}

}
