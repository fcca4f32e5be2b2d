package org.medclaims.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Verified HTTP Basic credentials: one bcrypt check, then a keyed hash until the lifetime
 * ends or the password changes.
 */
class VerifiedCredentialsTests {

	private final AtomicInteger bcryptChecks = new AtomicInteger();

	private final MutableClock clock = new MutableClock();

	private InMemoryUserDetailsManager users;

	private PasswordEncoder encoder;

	private ProviderManager manager;

	@BeforeEach
	void setUp() {
		PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		this.encoder = new PasswordEncoder() {
			@Override
			public String encode(CharSequence raw) {
				return real.encode(raw);
			}

			@Override
			public boolean matches(CharSequence raw, String encoded) {
				VerifiedCredentialsTests.this.bcryptChecks.incrementAndGet();
				return real.matches(raw, encoded);
			}

			@Override
			public boolean upgradeEncoding(String encoded) {
				return real.upgradeEncoding(encoded);
			}
		};
		this.users = new InMemoryUserDetailsManager(
				User.withUsername("carl").password("{noop}carl-pw").roles("CLERK").build(),
				User.withUsername("olga").password(real.encode("olga-pw")).roles("OPERATOR").build());
		DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(this.users);
		bcrypt.setPasswordEncoder(this.encoder);
		bcrypt.setUserDetailsPasswordService(this.users);
		this.manager = new ProviderManager(
				new VerifiedCredentials(bcrypt, this.users, Duration.ofMinutes(5), this.clock));
	}

	@Test
	void theSecondRequestOfAUserIsNotCheckedWithBcryptAgain() {
		Authentication first = login("olga", "olga-pw");
		Authentication second = login("olga", "olga-pw");

		assertThat(this.bcryptChecks).hasValue(1);
		assertThat(second.isAuthenticated()).isTrue();
		assertThat(second.getAuthorities()).extracting(Object::toString).contains("ROLE_OPERATOR");
		assertThat(second.getAuthorities()).isEqualTo(first.getAuthorities());
		assertThat(second.getCredentials()).isNull();
	}

	@Test
	void aNoopPasswordUpgradedToBcryptAtItsFirstUseStaysRemembered() {
		login("carl", "carl-pw");
		assertThat(this.users.loadUserByUsername("carl").getPassword()).startsWith("{bcrypt}");
		login("carl", "carl-pw");
		assertThat(this.bcryptChecks).hasValue(1);
	}

	@Test
	void aWrongPasswordIsNeverRememberedAndAlwaysCheckedInFull() {
		login("olga", "olga-pw");
		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> login("olga", "olga-pwx")).isInstanceOf(BadCredentialsException.class);
		}
		assertThat(this.bcryptChecks).hasValue(4);
		// an unknown user costs a check as well (against a dummy hash), so timing does
		// not tell who exists
		assertThatThrownBy(() -> login("nobody", "olga-pw")).isInstanceOf(BadCredentialsException.class);
		assertThat(this.bcryptChecks).hasValue(5);
		// someone guessing does not make the user's own requests slow: the right password
		// is still remembered
		login("olga", "olga-pw");
		assertThat(this.bcryptChecks).hasValue(5);
	}

	@Test
	void aPasswordChangeRefusesTheOldPasswordAtOnce() {
		login("olga", "olga-pw");
		this.users.updatePassword(this.users.loadUserByUsername("olga"), this.encoder.encode("new-pw"));

		assertThatThrownBy(() -> login("olga", "olga-pw")).isInstanceOf(BadCredentialsException.class);
		assertThat(login("olga", "new-pw").isAuthenticated()).isTrue();
	}

	@Test
	void aDisabledUserIsRefusedEvenWithRememberedCredentials() {
		login("olga", "olga-pw");
		this.users.updateUser(User.withUserDetails(this.users.loadUserByUsername("olga")).disabled(true).build());
		assertThatThrownBy(() -> login("olga", "olga-pw")).isInstanceOf(DisabledException.class);
	}

	@Test
	void rememberedCredentialsAreCheckedInFullAgainAfterTheirLifetime() {
		login("olga", "olga-pw");
		this.clock.advance(Duration.ofMinutes(4));
		login("olga", "olga-pw");
		assertThat(this.bcryptChecks).hasValue(1);
		this.clock.advance(Duration.ofMinutes(2));
		login("olga", "olga-pw");
		assertThat(this.bcryptChecks).hasValue(2);
	}

	@Test
	void clientsStartingTogetherCostOneCheck() throws Exception {
		java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			List<java.util.concurrent.Future<Authentication>> logins = new java.util.ArrayList<>();
			for (int i = 0; i < 16; i++) {
				logins.add(clients.submit(() -> login("olga", "olga-pw")));
			}
			for (var l : logins) {
				assertThat(l.get().isAuthenticated()).isTrue();
			}
		}
		finally {
			clients.shutdown();
		}
		assertThat(this.bcryptChecks).hasValue(1);
	}

	@Test
	void oneUsersRememberedCheckDoesNotLetAnotherUserIn() {
		login("olga", "olga-pw");
		assertThatThrownBy(() -> login("carl", "olga-pw")).isInstanceOf(BadCredentialsException.class);
	}

	private Authentication login(String user, String password) {
		return this.manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-12-01T08:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
