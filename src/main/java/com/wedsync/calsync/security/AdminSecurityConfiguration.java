package com.wedsync.calsync.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.util.StringUtils;

/**
 * The API needs the admin credentials (HTTP Basic) or a tenant token (Bearer, see
 * {@link TenantTokens}); operator endpoints need the admin.
 * {@code CALSYNC_ADMIN_PASSWORD} in production. On a machine without one, a random
 * password is generated once into {@code <data-dir>/admin-password} and shown on the
 * console that first time, never in a log. Health and Prometheus metrics stay open for
 * probes and scrapers.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurityConfiguration {

	static final String ADMIN = "ADMIN";

	private static final String PASSWORD_FILE = "admin-password";

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ProblemDetailsAuthenticationEntryPoint entryPoint,
			TenantTokens tokens, LoginThrottle throttle) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/error")
			.permitAll()
			// Change notices prove themselves by their subscription's signature
			// (webhook/InboundDeliveries), not by API credentials.
			.requestMatchers(HttpMethod.POST, "/api/webhooks/caldav/**")
			.permitAll()
			// The status page is static; the WebSocket's STOMP CONNECT frame carries the
			// credentials (realtime/StompAccessControl), a browser cannot add them to the
			// upgrade request.
			.requestMatchers("/", "/status", "/status/**", "/ws")
			.permitAll()
			// Operator-only: tenants, dead letters, key rotation, the actuator.
			.requestMatchers("/api/tenants/**", "/api/dead-letters/**", "/api/admin/**", "/actuator/**")
			.hasRole(ADMIN)
			// Tenant callers are narrowed to their own resources by TenantScope.
			.requestMatchers("/api/**")
			.hasAnyRole(ADMIN, TenantAuthentication.ROLE)
			.anyRequest()
			.denyAll())
			// The throttle first: a refused attempt costs no token lookup, no bcrypt.
			.addFilterBefore(new LoginThrottleFilter(throttle), BasicAuthenticationFilter.class)
			.addFilterBefore(new BearerTokenFilter(tokens, entryPoint, throttle), BasicAuthenticationFilter.class)
			// Basic's own entry point is called only for failed credentials: counted.
			.httpBasic((basic) -> basic.authenticationEntryPoint(new FailedBasicLoginEntryPoint(throttle, entryPoint)))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(new ProblemDetailsAccessDeniedHandler()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Stateless API with Basic/Bearer credentials and no cookies:
			// nothing to forge.
			.csrf((csrf) -> csrf.disable())
			.formLogin((form) -> form.disable())
			.headers(Customizer.withDefaults());
		return http.build();
	}

	/**
	 * The one password encoder (Spring Security's HTTP Basic and the STOMP CONNECT check
	 * both use it), counting its checks.
	 */
	@Bean
	PasswordEncoder passwordEncoder(MeterRegistry meters) {
		return new CountingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(), meters);
	}

	@Bean
	UserDetailsService adminUsers(@Value("${calsync.admin.username}") String username,
			@Value("${calsync.admin.password:}") String password, @Value("${calsync.data-dir}") Path dataDir,
			PasswordEncoder encoder) throws IOException {
		String secret = StringUtils.hasText(password) ? password : generatedPassword(dataDir, username);
		return new InMemoryUserDetailsManager(
				User.withUsername(username).password(encoder.encode(secret)).roles(ADMIN).build());
	}

	private static String generatedPassword(Path dataDir, String username) throws IOException {
		Path file = dataDir.resolve(PASSWORD_FILE);
		if (Files.exists(file)) {
			return Files.readString(file, StandardCharsets.US_ASCII).trim();
		}
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		String password = HexFormat.of().formatHex(bytes);
		Files.createDirectories(dataDir);
		// A temporary file is created owner-only (rw-------) on POSIX: the password is
		// never
		// readable by others, not even between writing and restricting.
		Path temp = Files.createTempFile(dataDir, PASSWORD_FILE, ".tmp");
		Files.writeString(temp, password, StandardCharsets.US_ASCII);
		Files.move(temp, file);
		// The console, not the log: log files are shipped and kept, this must not be.
		System.out.printf("%n  calsync admin login (generated, kept in %s): %s / %s%n%n", file, username, password);
		return password;
	}

}
