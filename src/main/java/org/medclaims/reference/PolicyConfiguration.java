package org.medclaims.reference;

import org.medclaims.policy.ClaimValuer;
import org.medclaims.policy.PolicyBook;
import org.medclaims.system.MedclaimsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dated policy versions, read and validated once at start, and the engine that applies them. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

	@Bean
	PolicyBook policyBook(MedclaimsProperties properties) {
		PolicyBook book = PolicyFiles.load(properties.policyDir());
		log.info("Policy versions in force from {}", book.versions().stream().map(v -> v.id()).toList());
		return book;
	}

	@Bean
	ClaimValuer claimValuer(PolicyBook policyBook) {
		return new ClaimValuer(policyBook);
	}

}
