package com.wedsync.calsync.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

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
			TenantTokens tokens) throws Exception {
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
			.addFilterBefore(new BearerTokenFilter(tokens, entryPoint), BasicAuthenticationFilter.class)
			.httpBasic((basic) -> basic.authenticationEntryPoint(entryPoint))
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

	@Bean
	UserDetailsService adminUsers(@Value("${calsync.admin.username}") String username,
			@Value("${calsync.admin.password:}") String password, @Value("${calsync.data-dir}") Path dataDir)
			throws IOException {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
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
		Files.writeString(file, password, StandardCharsets.US_ASCII);
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system: the directory's permissions have to do.
		}
		// The console, not the log: log files are shipped and kept, this must not be.
		System.out.printf("%n  calsync admin login (generated, kept in %s): %s / %s%n%n", file, username, password);
		return password;
	}

}
