package org.medclaims.system;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityUsersTests {

	private final SecurityConfiguration configuration = new SecurityConfiguration();

	private final PasswordEncoder encoder = this.configuration.passwordEncoder();

	@Test
	void demoModeHasTheTwoDemoUsers() {
		InMemoryUserDetailsManager users = this.configuration.userDetailsService(new SecurityUsers(null), this.encoder,
				new MockEnvironment());

		var operator = users.loadUserByUsername("operator");
		assertThat(this.encoder.matches("operator", operator.getPassword())).isTrue();
		assertThat(operator.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OPERATOR");
		var clerk = users.loadUserByUsername("clerk");
		assertThat(this.encoder.matches("clerk", clerk.getPassword())).isTrue();
		assertThat(clerk.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_CLERK");
	}

	@Test
	void aConfiguredDatabaseHasOnlyTheConfiguredUsers() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url",
				"jdbc:postgresql://db/x");
		InMemoryUserDetailsManager users = this.configuration.userDetailsService(
				new SecurityUsers(Map.of("mei", new SecurityUsers.User("{noop}s3cret", List.of("clerk")))),
				this.encoder, environment);

		assertThat(users.loadUserByUsername("mei").getAuthorities()).extracting(Object::toString)
			.containsExactly("ROLE_CLERK");
		assertThatThrownBy(() -> users.loadUserByUsername("operator")).isInstanceOf(UsernameNotFoundException.class);
	}

	@Test
	void refusesAPlainPasswordOrAnUnknownRoleWithOneSentence() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url",
				"jdbc:postgresql://db/x");
		assertThatThrownBy(() -> this.configuration.userDetailsService(
				new SecurityUsers(Map.of("mei", new SecurityUsers.User("s3cret", List.of("CLERK")))), this.encoder,
				environment))
			.isInstanceOf(OperatorMistake.class)
			.hasMessage("medclaims.security.users.mei.password must be an encoded password such as {bcrypt}$2a$10$…"
					+ " (see interfaces.md).");
		assertThatThrownBy(() -> this.configuration.userDetailsService(
				new SecurityUsers(Map.of("mei", new SecurityUsers.User("{noop}x", List.of("ADMIN")))), this.encoder,
				environment))
			.isInstanceOf(OperatorMistake.class)
			.hasMessage("medclaims.security.users.mei.roles must list CLERK and/or OPERATOR, not [ADMIN].");
	}

}
