package org.medclaims.reference;

import java.nio.file.Path;
import java.util.List;

import org.medclaims.policy.ClaimValuer;
import org.medclaims.policy.PolicyBook;
import org.medclaims.policy.PolicyVersion;
import org.medclaims.system.MedclaimsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dated policy versions, read and validated once at start, and the engine that
 * applies them.
 */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

	@Bean
	PolicyBook policyBook(MedclaimsProperties properties) {
		if (properties.policyDir() == null) {
			PolicyBook book = PolicyFiles.loadBuiltIn();
			log.info("Policy versions in force from {}: the built-in set (medclaims.policy-dir replaces it)",
					ids(book));
			return book;
		}
		Path dir = properties.policyDir().toAbsolutePath().normalize();
		PolicyBook book = PolicyFiles.load(dir);
		log.info("Policy versions in force from {}: the set of {} (medclaims.policy-dir), not the built-in one",
				ids(book), dir);
		return book;
	}

	private static List<String> ids(PolicyBook book) {
		return book.versions().stream().map(PolicyVersion::id).toList();
	}

	@Bean
	ClaimValuer claimValuer(PolicyBook policyBook) {
		return new ClaimValuer(policyBook);
	}

}
