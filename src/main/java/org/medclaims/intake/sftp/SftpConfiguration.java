package org.medclaims.intake.sftp;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClient.DirEntry;
import org.medclaims.claims.ClaimFiles;
import org.medclaims.intake.ClaimIntake;
import org.medclaims.intake.IntakeLock;
import org.medclaims.system.CommandLine;
import org.medclaims.system.MedclaimsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.integration.file.remote.session.CachingSessionFactory;
import org.springframework.integration.metadata.ConcurrentMetadataStore;
import org.springframework.integration.sftp.session.DefaultSftpSessionFactory;
import org.springframework.integration.sftp.session.SftpRemoteFileTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.MessagingException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The SFTP exchange, only with {@code medclaims.sftp.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SftpProperties.class)
@ConditionalOnProperty(name = "medclaims.sftp.enabled", havingValue = "true")
class SftpConfiguration {

	static final String POLLER_ID = "sftpExchangePoller";

	static final String ERROR_CHANNEL = "sftpExchangeErrors";

	private static final Logger log = LoggerFactory.getLogger(SftpConfiguration.class);

	@Bean
	HostKeyCheck sftpHostKeyCheck(SftpProperties sftp) {
		SftpSettings.check(sftp);
		return new HostKeyCheck(sftp.knownHosts(), sftp.host(), sftp.port());
	}

	/**
	 * Apache MINA SSHD sessions: key (or, without one, password) authentication, strict
	 * host keys, cached and tested.
	 */
	@Bean
	CachingSessionFactory<DirEntry> sftpSessionFactory(SftpProperties sftp, HostKeyCheck hostKeys) {
		return sessionFactory(sftp, hostKeys);
	}

	static CachingSessionFactory<DirEntry> sessionFactory(SftpProperties sftp, HostKeyCheck hostKeys) {
		DefaultSftpSessionFactory factory = new DefaultSftpSessionFactory(false);
		factory.setHost(sftp.host());
		factory.setPort(sftp.port());
		factory.setUser(sftp.username());
		if (sftp.privateKey() != null) {
			factory.setPrivateKey(new FileSystemResource(sftp.privateKey()));
			if (sftp.privateKeyPassphrase() != null) {
				factory.setPrivateKeyPassphrase(sftp.privateKeyPassphrase());
			}
		}
		else {
			factory.setPassword(sftp.password());
		}
		factory.setKnownHostsResource(new FileSystemResource(sftp.knownHosts()));
		factory.setAllowUnknownKeys(false);
		factory.setTimeout((int) sftp.connectTimeout().toMillis());
		factory.setSshClientConfigurer(client -> {
			client.setServerKeyVerifier(hostKeys);
			// the SFTP client waits this long for any answer, a transfer's included
			CoreModuleProperties.IDLE_TIMEOUT.set(client, sftp.readTimeout());
			CoreModuleProperties.NIO2_READ_TIMEOUT.set(client, sftp.readTimeout().plusSeconds(15));
		});
		CachingSessionFactory<DirEntry> caching = new CachingSessionFactory<>(factory, sftp.sessionCacheSize());
		caching.setTestSession(true);
		caching.setSessionWaitTimeout(sftp.connectTimeout().toMillis());
		return caching;
	}

	@Bean
	SftpRemoteFileTemplate sftpRemoteFileTemplate(CachingSessionFactory<DirEntry> sftpSessionFactory) {
		return new SftpRemoteFileTemplate(sftpSessionFactory);
	}

	@Bean
	SftpExchange sftpExchange(SftpRemoteFileTemplate remote, SftpProperties sftp, MedclaimsProperties folders,
			JdbcTemplate jdbc, ConcurrentMetadataStore metadataStore, PlatformTransactionManager transactionManager,
			ClaimFiles claimFiles, ClaimIntake intake, IntakeLock intakeLock) {
		Path staging = sftp.stagingDir() != null ? sftp.stagingDir()
				: folders.inboundDir().toAbsolutePath().resolveSibling("sftp-staging");
		FetchRecords fetches = new FetchRecords(jdbc, metadataStore, new TransactionTemplate(transactionManager));
		SftpInbox inbox = new SftpInbox(remote, sftp, fetches, claimFiles, intake, staging);
		SftpOutbox outbox = new SftpOutbox(remote, sftp, new DeliveryRecords(jdbc), folders.outboundDir());
		return new SftpExchange(inbox, outbox, sftp,
				new Backoff(sftp.pollInterval(), sftp.maxBackoff(), Clock.systemUTC()), intakeLock);
	}

	@Bean
	SftpRunOnceStage sftpRunOnceStage(SftpExchange exchange) {
		return new SftpRunOnceStage(exchange);
	}

	@Bean
	SftpHealthIndicator sftpHealthIndicator(SftpRemoteFileTemplate remote, SftpProperties sftp, HostKeyCheck hostKeys) {
		return new SftpHealthIndicator(remote, sftp, hostKeys);
	}

	/**
	 * In {@code serve}: every poll interval, fetch the inboxes and deliver the answers.
	 */
	@Bean
	IntegrationFlow sftpExchangeFlow(SftpExchange exchange, SftpProperties sftp, Environment environment) {
		boolean serving = CommandLine.SERVE
			.equals(environment.getProperty(CommandLine.COMMAND_PROPERTY, CommandLine.SERVE));
		return IntegrationFlow
			.fromSupplier(Instant::now,
					e -> e.id(POLLER_ID)
						.autoStartup(serving && sftp.watch())
						.poller(Pollers.fixedDelay(sftp.pollInterval()).errorChannel(ERROR_CHANNEL)))
			.handle(Instant.class, (tick, headers) -> {
				exchange.poll();
				return null;
			}, e -> e.id("sftpExchangeHandler"))
			.get();
	}

	/**
	 * Logs what the exchange could not handle itself (the database down, a full disk).
	 */
	@Bean
	IntegrationFlow sftpExchangeErrorFlow() {
		return IntegrationFlow.from(ERROR_CHANNEL).handle(MessagingException.class, (failure, headers) -> {
			Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
			log.error("SFTP exchange poll failed: {}; tried again on the next poll", cause.getMessage(), cause);
			return null;
		}, e -> e.id("sftpExchangeErrorLogger")).get();
	}

}
