package org.medclaims.system;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what (interfaces.md). Users and roles come from
 * {@code medclaims.security.users.*}; demo mode alone adds clerk/clerk and
 * operator/operator. The API authenticates with HTTP Basic, statelessly, remembering
 * verified credentials for a short while ({@link VerifiedCredentials}), and answers
 * 401/403 as problem+json; pages use a login form with CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	public static final String CLERK = "CLERK";

	public static final String OPERATOR = "OPERATOR";

	private static final Set<String> ROLES = Set.of(CLERK, OPERATOR);

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	InMemoryUserDetailsManager userDetailsService(SecurityUsers configured, PasswordEncoder encoder,
			Environment environment) {
		List<UserDetails> users = new ArrayList<>();
		configured.users().forEach((name, user) -> users.add(user(name, user)));
		boolean serving = CommandLine.SERVE
			.equals(environment.getProperty(CommandLine.COMMAND_PROPERTY, CommandLine.SERVE));
		if (DemoMode.isOn(environment)) {
			for (String demo : List.of("clerk", "operator")) {
				if (!configured.users().containsKey(demo)) {
					users.add(User.withUsername(demo)
						.password(encoder.encode(demo))
						.roles(demo.toUpperCase(Locale.ROOT))
						.build());
				}
			}
			if (serving) {
				log.info("Demo mode: the demo users clerk/clerk (CLERK) and operator/operator (OPERATOR) can sign in;"
						+ " with spring.datasource.url set there are no demo users");
			}
		}
		else if (users.isEmpty() && serving) {
			log.warn("No users are configured: nobody can sign in to the pages or the API;"
					+ " set medclaims.security.users.<name>.password and .roles");
		}
		return new InMemoryUserDetailsManager(users);
	}

	private static UserDetails user(String name, SecurityUsers.User user) {
		String property = "medclaims.security.users." + name;
		if (user.password() == null || !user.password().startsWith("{")) {
			throw new OperatorMistake(property + ".password must be an encoded password such as {bcrypt}$2a$10$…"
					+ " (see interfaces.md).");
		}
		List<String> roles = user.roles().stream().map(r -> r.trim().toUpperCase(Locale.ROOT)).toList();
		if (roles.isEmpty() || !ROLES.containsAll(roles)) {
			throw new OperatorMistake(property + ".roles must list CLERK and/or OPERATOR, not " + user.roles() + ".");
		}
		return User.withUsername(name).password(user.password()).roles(roles.toArray(String[]::new)).build();
	}

	/**
	 * The role the pages under this path need, for the 403 page; null where any signed-in
	 * user may go.
	 */
	static String pageRole(String path) {
		if (path.startsWith("/operations")) {
			return OPERATOR;
		}
		return path.startsWith("/desk") ? CLERK : null;
	}

	/** The filter chains exist only where there is a web server ({@code serve}). */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class WebRules {

		@Bean
		@Order(1)
		SecurityFilterChain apiSecurity(HttpSecurity http, InMemoryUserDetailsManager users, PasswordEncoder encoder,
				Clock clock, @Value("${medclaims.security.verified-credentials-lifetime:5m}") Duration lifetime)
				throws Exception {
			ProblemResponses problems = new ProblemResponses();
			DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
			bcrypt.setPasswordEncoder(encoder);
			bcrypt.setUserDetailsPasswordService(users);
			http.securityMatcher("/api/**", "/actuator/**")
				// no parent manager: a refused password is checked once, not a second
				// time by the global one
				.authenticationManager(new ProviderManager(new VerifiedCredentials(bcrypt, users, lifetime, clock)))
				.authorizeHttpRequests(requests -> requests.requestMatchers("/api/adhoc-claims/**")
					.hasRole(CLERK)
					.requestMatchers(HttpMethod.GET, "/api/claims/**")
					.hasAnyRole(CLERK, OPERATOR)
					.requestMatchers(HttpMethod.POST, "/api/claims/*/*/reversal")
					.hasRole(CLERK)
					.requestMatchers(HttpMethod.GET, "/api/reversals")
					.hasAnyRole(CLERK, OPERATOR)
					.requestMatchers("/api/persons/**", "/api/catalog", "/api/catalog/**")
					.hasRole(CLERK)
					.requestMatchers("/api/jobs/**")
					.hasRole(OPERATOR)
					.requestMatchers("/actuator/health", "/actuator/health/**")
					.permitAll()
					.requestMatchers("/actuator/**")
					.hasRole(OPERATOR)
					.anyRequest()
					.authenticated())
				.httpBasic(basic -> basic.authenticationEntryPoint(problems))
				.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
				.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf(csrf -> csrf.disable());
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests(requests -> requests
				.requestMatchers("/login", "/css/**", "/desk/*.css", "/desk/*.js", "/favicon.ico", "/error",
						DeniedPage.PATH)
				.permitAll()
				// reading claims is for both roles, as in the API; entering and settling
				// them is for clerks
				.requestMatchers(HttpMethod.GET, "/desk/search", "/desk/search.csv", "/desk/claims/*/*",
						"/desk/claims/*/*/receipt")
				.hasAnyRole(CLERK, OPERATOR)
				.requestMatchers("/desk/**")
				.hasRole(CLERK)
				.requestMatchers("/operations/**")
				.hasRole(OPERATOR)
				.anyRequest()
				.authenticated())
				.exceptionHandling(errors -> errors.accessDeniedHandler(new DeniedPage()))
				.formLogin(form -> form.loginPage("/login").permitAll())
				.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
			return http.build();
		}

	}

}
