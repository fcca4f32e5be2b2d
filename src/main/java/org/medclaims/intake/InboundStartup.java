package org.medclaims.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.medclaims.claims.ClaimFiles;
import org.medclaims.system.BuiltInFiles;
import org.medclaims.system.DemoMode;
import org.medclaims.system.MedclaimsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.integration.metadata.ConcurrentMetadataStore;
import org.springframework.util.FileSystemUtils;

/**
 * At the start of {@code serve}: copies the demo claim files into the inbound folder on
 * the first start in demo mode, takes again the files a crash left recorded but never
 * received, resumes unfinished arrivals, and only then starts polling the folder.
 */
class InboundStartup implements ApplicationRunner, Ordered {

	static final String DEMO_SAMPLES_COPIED = "medclaims.intake.demo-samples-copied";

	private static final Logger log = LoggerFactory.getLogger(InboundStartup.class);

	private final InboundFolder inbound;

	private final ClaimIntake intake;

	private final ClaimFiles claimFiles;

	private final MedclaimsProperties folders;

	private final ConcurrentMetadataStore metadataStore;

	private final boolean demo;

	private final Runnable startPolling;

	private final boolean watch;

	private final IntakeLock intakeLock;

	InboundStartup(InboundFolder inbound, ClaimIntake intake, ClaimFiles claimFiles, MedclaimsProperties folders,
			ConcurrentMetadataStore metadataStore, Environment environment, boolean watch, Runnable startPolling,
			IntakeLock intakeLock) {
		this.inbound = inbound;
		this.intake = intake;
		this.claimFiles = claimFiles;
		this.folders = folders;
		this.metadataStore = metadataStore;
		this.demo = DemoMode.isOn(environment);
		this.startPolling = startPolling;
		this.watch = watch;
		this.intakeLock = intakeLock;
	}

	@Override
	public int getOrder() {
		// after the reference import and the crash recovery of dead executions
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (this.demo && this.metadataStore.get(DEMO_SAMPLES_COPIED) == null) {
			copyDemoSamples();
			this.metadataStore.put(DEMO_SAMPLES_COPIED, Instant.now().toString());
		}
		if (this.watch && !this.intakeLock.acquire()) {
			log.error("{} This serve takes no file in from {}: restart it once the other has stopped.",
					IntakeLock.heldElsewhere(), this.inbound.dir());
			return;
		}
		this.inbound.forgetFilesNeverReceived(this.claimFiles);
		this.intake.resumeUnfinished();
		if (this.watch) {
			this.startPolling.run();
			log.info("Watching {} for claim files", this.inbound.dir());
		}
	}

	// the built-in demo files, or those of medclaims.samples-dir
	private void copyDemoSamples() throws IOException {
		Path samples = this.folders.samplesDir();
		String from = (samples != null) ? samples.toAbsolutePath().toString() : "the built-in demo set";
		if (samples == null) {
			samples = Files.createTempDirectory("medclaims-demo-samples");
			BuiltInFiles.copy(BuiltInFiles.DEMO_SAMPLES, samples);
		}
		if (!Files.isDirectory(samples)) {
			log.warn("Demo mode: no sample folder {}, no demo claim files", samples.toAbsolutePath());
			return;
		}
		Files.createDirectories(this.inbound.dir());
		List<Path> files;
		try (Stream<Path> list = Files.list(samples)) {
			files = list.filter(Files::isRegularFile).sorted().toList();
		}
		for (Path file : files) {
			// copied under a temporary name and renamed, as a hospital uploads
			Path temporary = this.inbound.dir().resolve("." + file.getFileName());
			Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
			Files.move(temporary, this.inbound.dir().resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
		}
		if (this.folders.samplesDir() == null) {
			FileSystemUtils.deleteRecursively(samples);
		}
		log.info("Demo mode, first start: copied {} demo claim files from {} into {}", files.size(), from,
				this.inbound.dir());
	}

}
