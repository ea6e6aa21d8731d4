package com.wedsync.calsync.realtime;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live sync status over a real STOMP client: a tenant watching its integration sees a
 * sync of {@value #EVENTS} calendar events start, progress and complete with the counts
 * the sync API reports, or fail with a readable reason; subscriptions to another tenant's
 * integration, to unknown topics and connections with a bad token are refused with an
 * ERROR frame.
 */
@ApplicationTest
class LiveSyncStatusIntegrationTests {

	static final int EVENTS = 600;

	@LocalServerPort
	int port;

	CalSyncApi api;

	CalDavTestServer radicale;

	@BeforeEach
	void setUp() {
		this.api = new CalSyncApi(this.port);
		this.radicale = CalDavTestServers.radicale();
		this.radicale.removeAllCalendars();
	}

	@Test
	void shouldStreamStartedProgressAndCompletedCountsOfASync() throws Exception {
		SeededCalendars.create(this.radicale, "live", EVENTS);
		UUID integration = this.api.connect(this.radicale, "tenant-a");
		String token = this.api.issueTenantToken("tenant-a");

		List<StompTestClient.Received> received;
		try (StompTestClient client = StompTestClient.connect(this.port, "Bearer " + token)) {
			assertThat(client.subscribe(SyncStatusTopics.of(integration))).isTrue();
			String syncId = this.api.withToken(token)
				.post("/api/integrations/" + integration + "/syncs", Map.of("reason", "watch it"))
				.expect(202)
				.body()
				.get("syncId")
				.asString();
			received = client.awaitSyncEnd(Duration.ofMinutes(2));
			assertThat(received).allSatisfy((message) -> {
				assertThat(message.body().get("syncId").asString()).isEqualTo(syncId);
				assertThat(message.body().get("integrationId").asString()).isEqualTo(integration.toString());
			});
			JsonNode report = this.api.get("/api/syncs/" + syncId).expect(200).body();
			assertThat(report.get("counts").get("created").asInt()).isEqualTo(EVENTS);

			assertThat(received.get(0).status()).isEqualTo("STARTED");
			List<StompTestClient.Received> progress = received.stream()
				.filter((message) -> message.status().equals("IN_PROGRESS"))
				.toList();
			List<Integer> processed = progress.stream().map((message) -> message.progress("processed")).toList();
			assertThat(processed).isSorted();
			assertThat(processed.stream().distinct().filter((count) -> count > 0)).hasSizeGreaterThanOrEqualTo(3);
			assertThat(progress).allSatisfy((message) -> {
				assertThat(message.body().get("currentOperation").asString()).isNotBlank();
				assertThat(message.progress("processed")).isLessThanOrEqualTo(message.progress("total"));
			});
			// a pull of new events: the total known from the fetch on is exact
			assertThat(progress).filteredOn((message) -> message.progress("processed") > 0)
				.isNotEmpty()
				.allSatisfy((message) -> assertThat(message.progress("total")).isEqualTo(2 * EVENTS));
			// at most four a second (spaced 250 ms when decided; "at" is taken a query
			// later)
			assertThat(Duration.between(instant(progress.get(0)), instant(progress.get(progress.size() - 1))))
				.isGreaterThanOrEqualTo(Duration.ofMillis(240L * (progress.size() - 1)));

			StompTestClient.Received completed = received.get(received.size() - 1);
			assertThat(completed.status()).isEqualTo("COMPLETED");
			// every staged change fetched, then every event reconciled
			assertThat(completed.progress("total")).isEqualTo(2 * EVENTS);
			assertThat(completed.progress("processed")).isEqualTo(2 * EVENTS);
			assertThat(completed.progress("created")).isEqualTo(EVENTS);
			assertThat(completed.progress("updated")).isZero();
			assertThat(completed.progress("deleted")).isZero();
			assertThat(completed.progress("conflicts")).isZero();
			assertThat(completed.body().get("error")).isNull();
		}
		System.out.println(Latencies.of(received).describe("Live status, one node"));
	}

	@Test
	void shouldReportAFailedSyncWithItsReason() throws Exception {
		UUID integration = this.api.connect(this.radicale, "tenant-a");
		this.api.patch("/api/integrations/" + integration, Map.of("password", "revoked-on-the-phone")).expect(200);
		try (StompTestClient client = StompTestClient.connect(this.port, basic("admin", "test-admin-password"))) {
			assertThat(client.subscribe(SyncStatusTopics.of(integration))).isTrue();
			this.api.post("/api/integrations/" + integration + "/syncs", Map.of()).expect(202);
			List<StompTestClient.Received> received = client.awaitSyncEnd(Duration.ofMinutes(1));

			assertThat(received.get(0).status()).isEqualTo("STARTED");
			StompTestClient.Received failed = received.get(received.size() - 1);
			assertThat(failed.status()).isEqualTo("FAILED");
			assertThat(failed.body().get("error").asString()).containsIgnoringCase("401");
		}
	}

	@Test
	void shouldRefuseASubscriptionToAnotherTenantsIntegration() throws Exception {
		UUID integration = this.api.connect(this.radicale, "tenant-a");
		String otherToken = this.api.issueTenantToken("tenant-b");

		assertThat(refusalOfFirstSubscription("Bearer " + otherToken, SyncStatusTopics.of(integration)))
			.isEqualTo("No integration " + integration);
		try (StompTestClient admin = StompTestClient.connect(this.port, basic("admin", "test-admin-password"))) {
			assertThat(admin.subscribe(SyncStatusTopics.of(integration))).isTrue();
		}
		try (StompTestClient owner = StompTestClient.connect(this.port,
				"Bearer " + this.api.issueTenantToken("tenant-a"))) {
			assertThat(owner.subscribe(SyncStatusTopics.of(integration))).isTrue();
			assertThat(owner.subscribe("/topic/everything")).isFalse();
			assertThat(owner.errors.poll()).startsWith("Unknown destination");
		}
	}

	@Test
	void shouldRefuseAConnectionWithABadToken() throws Exception {
		for (String authorization : new String[] { "Bearer cst_not-a-token", basic("admin", "wrong"), null }) {
			try (StompTestClient client = StompTestClient.connect(this.port, authorization)) {
				assertThat(client.isConnected()).as(String.valueOf(authorization)).isFalse();
				assertThat(client.errors.poll()).startsWith("Valid credentials are required");
			}
		}
	}

	/**
	 * The reason an ERROR frame gives for refusing a subscription sent right after
	 * CONNECT. Spring's session decorator queues that ERROR frame behind the CONNECTED
	 * frame when another thread is still flushing it, and the close that follows drops
	 * the queue: the subscription is refused all the same but the connection closes
	 * without a reason. Such an attempt is made again on a new connection, at most three
	 * times.
	 */
	private String refusalOfFirstSubscription(String authorization, String destination) throws Exception {
		for (int attempt = 1; attempt <= 3; attempt++) {
			try (StompTestClient client = StompTestClient.connect(this.port, authorization)) {
				assertThat(client.isConnected()).isTrue();
				assertThat(client.subscribe(destination)).isFalse();
				String reason = client.errors.poll();
				if (reason != null) {
					assertThat(client.messages).isEmpty();
					return reason;
				}
				assertThat(client.isConnected()).as("a refusal without an ERROR frame closes the connection").isFalse();
			}
		}
		throw new AssertionError("Three refusals of " + destination + " came without a reason");
	}

	private static java.time.Instant instant(StompTestClient.Received message) {
		return java.time.Instant.parse(message.body().get("at").asString());
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
