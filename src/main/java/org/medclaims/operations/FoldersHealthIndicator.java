package org.medclaims.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.medclaims.system.MedclaimsProperties;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health "folders": the inbound, outbound, archive and rejected folders exist (or can be
 * made) and take a file.
 */
@Component("folders")
class FoldersHealthIndicator implements HealthIndicator {

	private final Map<String, Path> folders = new LinkedHashMap<>();

	FoldersHealthIndicator(MedclaimsProperties properties) {
		this.folders.put("inbound", properties.inboundDir());
		this.folders.put("outbound", properties.outboundDir());
		this.folders.put("archive", properties.archiveDir());
		this.folders.put("rejected", properties.rejectedDir());
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up();
		this.folders.forEach((name, folder) -> {
			String problem = problem(folder);
			health.withDetail(name, problem == null ? folder.toAbsolutePath() + " writable" : problem);
			if (problem != null) {
				health.down();
			}
		});
		return health.build();
	}

	private static String problem(Path folder) {
		try {
			Files.createDirectories(folder);
			Path probe = Files.createTempFile(folder, ".health-", ".tmp");
			Files.delete(probe);
			return null;
		}
		catch (IOException | SecurityException ex) {
			return folder.toAbsolutePath() + " is not writable: " + ex.getMessage();
		}
	}

}
