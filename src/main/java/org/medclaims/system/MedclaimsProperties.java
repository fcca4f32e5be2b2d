package org.medclaims.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The folders medclaims reads and writes (interfaces.md). {@code referenceDir} unset:
 * reference data is imported only on request (the built-in demo registry in demo mode).
 * {@code policyDir} and {@code samplesDir} unset: the policy versions and demo claim
 * files built into the jar.
 */
@ConfigurationProperties("medclaims")
public record MedclaimsProperties(Path referenceDir, Path policyDir, @DefaultValue("data/inbound") Path inboundDir,
		@DefaultValue("data/outbound") Path outboundDir, @DefaultValue("data/archive") Path archiveDir,
		@DefaultValue("data/rejected") Path rejectedDir, Path samplesDir) {
}
