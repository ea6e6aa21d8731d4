package com.wedsync.calsync.realtime;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.simp.user.SimpUserRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Logins on the live status WebSocket: wrong CONNECT credentials are throttled like the
 * API's (then refused unchecked with an ERROR frame), and revoking a tenant token ends
 * the sessions it opened, whether revoked through this node's API or behind its back.
 */
@ApplicationTest
class StompLoginIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SimpUserRegistry users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	CalSyncApi api;

	CalDavTestServer radicale;

	@BeforeEach
	void setUp() {
		this.api = new CalSyncApi(this.port);
		this.radicale = CalDavTestServers.radicale();
		this.radicale.removeAllCalendars();
	}

	@Test
	void shouldRefuseConnectsUncheckedOnceTheAdminsFailuresReachTheLimit() throws Exception {
		for (int i = 1; i <= 10; i++) {
			assertThat(refusal(basic("admin", "wrong-" + i))).as("attempt %d", i)
				.startsWith("Valid credentials are required");
		}

		double checks = this.meters.get("calsync_auth_password_checks_total").counter().count();
		double throttled = this.meters.get("calsync_auth_throttled_total").tag("channel", "stomp").counter().count();

		assertThat(refusal(basic("admin", "test-admin-password"))).startsWith("Too many failed logins")
			.containsPattern("retry after \\d+ s");

		assertThat(this.meters.get("calsync_auth_password_checks_total").counter().count()).isEqualTo(checks);
		assertThat(this.meters.get("calsync_auth_throttled_total").tag("channel", "stomp").counter().count())
			.isEqualTo(throttled + 1);
		// the API shares the count
		assertThat(this.api.get("/api/integrations").status()).isEqualTo(429);
	}

	@Test
	void shouldCloseATokensSessionWhenTheTokenIsRevoked() throws Exception {
		UUID integration = this.api.connect(this.radicale, "tenant-r");
		String token = this.api.issueTenantToken("tenant-r");
		String tokenId = this.api.get("/api/tenants/tenant-r/tokens").expect(200).body().get(0).get("id").asString();
		try (StompTestClient watcher = StompTestClient.connect(this.port, "Bearer " + token);
				StompTestClient admin = StompTestClient.connect(this.port, basic("admin", "test-admin-password"))) {
			assertThat(watcher.subscribe(SyncStatusTopics.of(integration))).isTrue();
			assertThat(admin.subscribe(SyncStatusTopics.of(integration))).isTrue();

			this.api.delete("/api/tenants/tenant-r/tokens/" + tokenId).expect(204);

			await().atMost(Duration.ofSeconds(10)).until(() -> watcher.closed.getCount() == 0);
			assertThat(watcher.errors).contains("Token revoked");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.users.getUsers()
					.stream()
					.noneMatch((user) -> user.getName().equals("tenant:tenant-r")));
			// a sync the admin still watches reaches the admin only
			this.api.post("/api/integrations/" + integration + "/syncs", Map.of()).expect(202);
			admin.awaitSyncEnd(Duration.ofMinutes(1));
			assertThat(watcher.messages).isEmpty();
			assertThat(admin.isConnected()).isTrue();
		}
		// and the revoked token opens nothing any more
		assertThat(refusal("Bearer " + token)).startsWith("Valid credentials are required");
	}

	@Test
	void shouldCloseASessionWhoseTokenWasRevokedOnAnotherNode() throws Exception {
		UUID integration = this.api.connect(this.radicale, "tenant-n");
		String token = this.api.issueTenantToken("tenant-n");
		try (StompTestClient watcher = StompTestClient.connect(this.port, "Bearer " + token)) {
			assertThat(watcher.subscribe(SyncStatusTopics.of(integration))).isTrue();

			// what another node's API does: the row only, no event on this node
			this.jdbc.update("UPDATE tenant_token SET revoked_at = now() WHERE tenant_id = 'tenant-n'");

			// the test profile rechecks every second
			await().atMost(Duration.ofSeconds(15)).until(() -> watcher.closed.getCount() == 0);
			assertThat(watcher.errors).contains("Token revoked");
		}
	}

	private String refusal(String authorization) throws InterruptedException {
		try (StompTestClient client = StompTestClient.connect(this.port, authorization)) {
			assertThat(client.isConnected()).isFalse();
			String reason = client.errors.poll();
			assertThat(reason).isNotNull();
			return reason;
		}
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
