package org.medclaims.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The folders medclaims reads and writes (interfaces.md). {@code referenceDir} is unset outside
 * demo mode: reference data is then imported only on request.
 */
@ConfigurationProperties("medclaims")
public record MedclaimsProperties(Path referenceDir, @DefaultValue("config/policy") Path policyDir,
		@DefaultValue("data/inbound") Path inboundDir, @DefaultValue("data/outbound") Path outboundDir,
		@DefaultValue("data/archive") Path archiveDir, @DefaultValue("data/rejected") Path rejectedDir,
		@DefaultValue("config/samples") Path samplesDir) {
}
