package org.medclaims.settlement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;

import org.medclaims.intake.ClaimFilesProcessed;
import org.medclaims.intake.format.ClaimFileName;
import org.medclaims.system.CommandLine;
import org.medclaims.system.DemoMode;
import org.medclaims.system.MedclaimsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In demo mode {@code serve} settles right after the intake instead of waiting for the
 * night: once the inbound folder holds no more claim file, so that files dropped together
 * are settled together, in settlement order, as the night would.
 */
@Component
class DemoSettlementAfterIntake {

	private static final Logger log = LoggerFactory.getLogger(DemoSettlementAfterIntake.class);

	private final SettlementLauncher settlement;

	private final Path inboundDir;

	private final boolean active;

	DemoSettlementAfterIntake(SettlementLauncher settlement, MedclaimsProperties folders, Environment environment) {
		this.settlement = settlement;
		this.inboundDir = folders.inboundDir();
		this.active = DemoMode.isOn(environment)
				&& CommandLine.SERVE.equals(environment.getProperty(CommandLine.COMMAND_PROPERTY, CommandLine.SERVE));
	}

	// off the intake's thread: the intake execution ends first, and one run waits at most
	private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "demo-settlement");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean pending = new AtomicBoolean();

	@EventListener
	void settle(ClaimFilesProcessed processed) {
		if (!this.active || moreFilesWaiting() || !this.pending.compareAndSet(false, true)) {
			return;
		}
		this.runner.execute(() -> {
			this.pending.set(false);
			try {
				this.settlement.settleEverythingWaiting();
			}
			catch (Exception ex) {
				log.error("Demo settlement after intake batch {} failed: {}", processed.batchId(), ex.getMessage());
			}
		});
	}

	@PreDestroy
	void stop() {
		this.runner.shutdown();
	}

	private boolean moreFilesWaiting() {
		try (Stream<Path> files = Files.list(this.inboundDir)) {
			return files
				.anyMatch(f -> Files.isRegularFile(f) && !ClaimFileName.isTemporary(f.getFileName().toString()));
		}
		catch (IOException ex) {
			return false;
		}
	}

}
