package org.medclaims.intake;

import java.io.File;
import java.util.Comparator;

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
import org.springframework.integration.file.dsl.Files;
import org.springframework.integration.metadata.ConcurrentMetadataStore;
import org.springframework.messaging.MessagingException;

/**
 * {@code serve} watches the inbound folder: stable, non-temporary files never taken before, in
 * name order, each handed to {@link ClaimIntake#receive}. Other commands never poll.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = CommandLine.COMMAND_PROPERTY, havingValue = CommandLine.SERVE, matchIfMissing = true)
class InboundFlowConfiguration {

	static final String ADAPTER_ID = "claimFileInbound";

	static final String ERROR_CHANNEL = "claimFileErrors";

	private static final Logger log = LoggerFactory.getLogger(InboundFlowConfiguration.class);

	/** Takes claim files from the inbound folder, once each, when their upload is complete. */
	@Bean
	IntegrationFlow claimFileInboundFlow(InboundFolder inbound, ClaimIntake intake, IntakeProperties properties) {
		return IntegrationFlow
			.from(Files.inboundAdapter(inbound.dir().toFile(), Comparator.comparing(File::getName))
				.autoCreateDirectory(true)
				.filter(inbound.pollingFilter(properties.stableFor().toSeconds())),
					e -> e.id(ADAPTER_ID)
						.autoStartup(false)
						.poller(Pollers.fixedDelay(properties.pollInterval())
							.maxMessagesPerPoll(10)
							.errorChannel(ERROR_CHANNEL)))
			.handle(File.class, (file, headers) -> {
				try {
					intake.receive(file.toPath(), ClaimIntake.LOCAL, file.getAbsolutePath());
				}
				catch (ClaimIntake.ArrivalNotRecorded ex) {
					inbound.forgetOrRetry(file.toPath());
					throw ex;
				}
				return null;
			}, e -> e.id("claimFileIntake"))
			.get();
	}

	/** Logs what went wrong while taking a file; a file whose arrival was not recorded is taken again. */
	@Bean
	IntegrationFlow claimFileErrorFlow() {
		return IntegrationFlow.from(ERROR_CHANNEL)
			.handle(MessagingException.class, (failure, headers) -> {
				Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
				Object file = (failure.getFailedMessage() != null) ? failure.getFailedMessage().getPayload() : "?";
				log.error("Taking claim file {} from the inbound folder failed: {}", file, cause.getMessage(), cause);
				return null;
			}, e -> e.id("claimFileErrorLogger"))
			.get();
	}

	@Bean
	UnfinishedArrivalsRetry unfinishedArrivalsRetry(ClaimIntake intake, IntakeProperties properties,
			IntakeLock intakeLock, InboundFolder inbound) {
		return new UnfinishedArrivalsRetry(intake, properties.watch(), intakeLock, inbound::forgetPending);
	}

	@Bean
	InboundStartup inboundStartup(InboundFolder inbound, ClaimIntake intake, Arrivals arrivals,
			MedclaimsProperties folders, ConcurrentMetadataStore metadataStore, Environment environment,
			ApplicationContext context, IntakeProperties properties, IntakeLock intakeLock) {
		return new InboundStartup(inbound, intake, arrivals, folders, metadataStore, environment, properties.watch(),
				() -> context.getBean(ADAPTER_ID, Lifecycle.class).start(), intakeLock);
	}

}
