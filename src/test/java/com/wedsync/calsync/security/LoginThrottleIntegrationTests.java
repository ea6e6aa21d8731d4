package com.wedsync.calsync.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brute force on the running service with the production limits (10 failures per
 * username, 20 per address, a minute): the attempt after the limit, the right password
 * included, is a 429 with {@code Retry-After} and costs no password check; after the
 * window the right password works again.
 */
@ApplicationTest
class LoginThrottleIntegrationTests {

	private static final String RIGHT = "test-admin-password";

	@LocalServerPort
	int port;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	MeterRegistry meters;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	@AfterEach
	void realTime() {
		this.throttle.useClock(Clock.systemUTC());
		this.throttle.clear();
	}

	@Test
	void shouldRefuseTheAdminUncheckedAfterTenWrongPasswordsUntilTheWindowEnds() throws Exception {
		for (int i = 1; i <= 10; i++) {
			assertThat(get(basic("admin", "wrong-" + i)).statusCode()).as("attempt %d", i).isEqualTo(401);
		}
		long checks = checks();
		double throttled = count("calsync_auth_throttled_total", "basic");

		HttpResponse<String> eleventh = get(basic("admin", "wrong-11"));
		HttpResponse<String> right = get(basic("admin", RIGHT));

		for (HttpResponse<String> refused : java.util.List.of(eleventh, right)) {
			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(refused.body()).contains("\"status\":429").contains("Too many failed logins");
			long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
			assertThat(retryAfter).isBetween(1L, 60L);
		}
		assertThat(checks()).as("password checks of refused attempts").isEqualTo(checks);
		assertThat(count("calsync_auth_throttled_total", "basic")).isEqualTo(throttled + 2);
		// the tenants' tokens are not the admin's username
		String token = new CalSyncApi(this.port).withToken("x").authorization();
		assertThat(get(token).statusCode()).isEqualTo(401);

		this.throttle.useClock(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(61)));

		assertThat(get(basic("admin", RIGHT)).statusCode()).isEqualTo(200);
		assertThat(checks()).isEqualTo(checks + 1);
	}

	@Test
	void shouldRefuseAnAddressAfterTwentyFailuresWhateverTheUsernames() throws Exception {
		for (int i = 1; i <= 20; i++) {
			// unknown users cost a check too (Spring compares against a dummy hash)
			assertThat(get(basic("guess-" + i, "wrong")).statusCode()).as("attempt %d", i).isEqualTo(401);
		}
		long checks = checks();

		assertThat(get(basic("admin", RIGHT)).statusCode()).isEqualTo(429);
		assertThat(get(basic("guess-21", "wrong")).statusCode()).isEqualTo(429);
		assertThat(get("Bearer cst_not-a-token").statusCode()).isEqualTo(429);

		assertThat(checks()).isEqualTo(checks);
		// no credentials is no login: the usual 401, not a refusal
		assertThat(get(null).statusCode()).isEqualTo(401);
	}

	@Test
	void shouldCountUnknownTokensPerAddress() throws Exception {
		double failures = count("calsync_auth_failures_total", "bearer");
		for (int i = 1; i <= 20; i++) {
			assertThat(get("Bearer cst_unknown-" + i).statusCode()).isEqualTo(401);
		}
		assertThat(count("calsync_auth_failures_total", "bearer")).isEqualTo(failures + 20);

		HttpResponse<String> refused = get("Bearer cst_unknown-21");

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		HttpResponse<String> metrics = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/prometheus")).build(),
				BodyHandlers.ofString());
		assertThat(metrics.body()).contains("calsync_auth_failures_total{channel=\"bearer\"")
			.contains("calsync_auth_throttled_total{channel=\"stomp\"")
			.contains("calsync_auth_password_checks_total");
	}

	private HttpResponse<String> get(String authorization) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/integrations"))
			.timeout(Duration.ofSeconds(30));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	private long checks() {
		return ((CountingPasswordEncoder) this.passwordEncoder).checks();
	}

	private double count(String name, String channel) {
		return this.meters.get(name).tag("channel", channel).counter().count();
	}

	private static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
