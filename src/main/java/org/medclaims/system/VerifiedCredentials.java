package org.medclaims.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * HTTP Basic for scripts that send their credentials with every request, as curl does,
 * without a bcrypt check (75 ms of CPU) each time: credentials that passed the real check
 * (the delegate, bcrypt) are remembered for {@code lifetime} as an HMAC-SHA256 under a
 * key made at start and never stored, compared in constant time. The HMAC covers the
 * user's stored password hash, so a password change refuses the old password at once; a
 * wrong password is never remembered, always costs a full check, and does not evict the
 * user's remembered one.
 */
public final class VerifiedCredentials implements AuthenticationProvider {

	private record Verified(byte[] mac, Instant until, Authentication result) {
	}

	private final AuthenticationProvider delegate;

	private final UserDetailsService users;

	private final Duration lifetime;

	private final Clock clock;

	private final SecretKeySpec key;

	private final AccountStatusUserDetailsChecker accountStatus = new AccountStatusUserDetailsChecker();

	// one entry per user at most: only a successful check adds one
	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	private final Object[] stripes = new Object[64];

	public VerifiedCredentials(AuthenticationProvider delegate, UserDetailsService users, Duration lifetime,
			Clock clock) {
		this.delegate = delegate;
		this.users = users;
		this.lifetime = lifetime;
		this.clock = clock;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		for (int i = 0; i < this.stripes.length; i++) {
			this.stripes[i] = new Object();
		}
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String name = authentication.getName();
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		Authentication remembered = remembered(name, password);
		if (remembered != null) {
			return remembered;
		}
		// one full check per user at a time: fifty clients starting together cost one
		// bcrypt, not fifty
		synchronized (this.stripes[Math.floorMod(name.hashCode(), this.stripes.length)]) {
			remembered = remembered(name, password);
			if (remembered != null) {
				return remembered;
			}
			Authentication result = this.delegate.authenticate(authentication);
			// the check may have upgraded a {noop} password to bcrypt: remember the hash
			// stored now
			UserDetails checked = storedUser(name);
			if (result != null && result.isAuthenticated() && checked != null) {
				this.verified.put(name, new Verified(mac(name, password, checked.getPassword()),
						this.clock.instant().plus(this.lifetime), result));
			}
			return result;
		}
	}

	// a refused password leaves the entry alone: someone guessing cannot make the user's
	// own requests slow
	private Authentication remembered(String name, String password) {
		Verified earlier = this.verified.get(name);
		if (earlier == null || !this.clock.instant().isBefore(earlier.until())) {
			return null;
		}
		UserDetails user = storedUser(name);
		if (user == null || !MessageDigest.isEqual(earlier.mac(), mac(name, password, user.getPassword()))) {
			return null;
		}
		this.accountStatus.check(user);
		return earlier.result();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private UserDetails storedUser(String name) {
		try {
			return this.users.loadUserByUsername(name);
		}
		catch (UsernameNotFoundException ex) {
			return null;
		}
	}

	private byte[] mac(String name, String password, String storedHash) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			for (String part : new String[] { name, password, String.valueOf(storedHash) }) {
				byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
				// length-prefixed, so no two splits of the same characters give the same
				// input
				mac.update(new byte[] { (byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
						(byte) (bytes.length >>> 8), (byte) bytes.length });
				mac.update(bytes);
			}
			return mac.doFinal();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is missing from this JVM", ex);
		}
	}

}
