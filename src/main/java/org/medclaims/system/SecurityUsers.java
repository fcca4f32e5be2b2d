package org.medclaims.system;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code medclaims.security.users.<name>.password} (Spring Security encoded:
 * {@code {bcrypt}…}, {@code {noop}…} in tests) and {@code .roles} (comma-separated CLERK,
 * OPERATOR).
 */
@ConfigurationProperties("medclaims.security")
public record SecurityUsers(Map<String, User> users) {

	public SecurityUsers {
		users = users == null ? Map.of() : Map.copyOf(users);
	}

	public record User(String password, List<String> roles) {

		public User {
			roles = roles == null ? List.of() : List.copyOf(roles);
		}

	}

}
