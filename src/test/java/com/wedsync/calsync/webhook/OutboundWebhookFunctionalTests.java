package com.wedsync.calsync.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.CalSyncApplication;
import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;
import com.wedsync.calsync.webhook.NotificationReceiver.Received;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outbound notifications of what syncs changed on the platform, delivered to a real HTTP
 * receiver: retried while it is down, in order per event once it is back, signed, dead
 * after the retry budget, and not lost when the service stops and another starts.
 */
@ApplicationTest
class OutboundWebhookFunctionalTests {

	private static final String TENANT = "tenant-notify";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WebhookWorkers workers;

	CalSyncApi api;

	CalDavTestServer radicale;

	URI calendar;

	UUID integration;

	String wedding;

	NotificationReceiver receiver = new NotificationReceiver();

	String endpointId;

	@BeforeEach
	void givenAWeddingOnAPhoneAndARegisteredEndpoint() {
		this.api = new CalSyncApi(this.port);
		this.radicale = CalDavTestServers.radicale();
		this.radicale.removeAllCalendars();
		this.calendar = this.radicale.createCalendar("couple-" + UUID.randomUUID().toString().substring(0, 6));
		this.integration = this.api.connect(this.radicale, TENANT);
		this.api.syncAndWait(this.integration);
		this.wedding = this.api
			.post("/api/weddings", Map.of("tenantId", TENANT, "title", "Alice & Ben", "weddingDate", "2027-06-12",
					"timeZone", "Europe/London"))
			.expect(201)
			.body()
			.get("id")
			.asString();
		String calendarId = this.jdbc.queryForObject("SELECT CAST(id AS VARCHAR) FROM calendar WHERE href = ?",
				String.class, this.calendar.toString());
		this.api
			.post("/api/weddings/" + this.wedding + "/participants",
					Map.of("calendarId", calendarId, "role", "COUPLE", "kinds", List.of("CEREMONY", "MEETING")))
			.expect(201);
		JsonNode endpoint = this.api.withToken(this.api.issueTenantToken(TENANT))
			.post("/api/webhook-endpoints", Map.of("url", this.receiver.url().toString()))
			.expect(201)
			.body();
		this.endpointId = endpoint.get("id").asString();
		this.receiver.secret(endpoint.get("secret").asString());
	}

	@AfterEach
	void restartWorkersAndStopTheReceiver() {
		if (!this.workers.isRunning()) {
			this.workers.start();
		}
		this.receiver.close();
	}

	@Test
	void shouldRetryWhileTheEndpointIsDownAndDeliverInOrderPerEventOnceItIsBack() {
		String meeting = event("MEETING", "Cake tasting", "Bakery", "2027-04-10T11:00", "2027-04-10T12:00");
		event("CEREMONY", "Ceremony", "St Mary's", "2027-06-12T14:00", "2027-06-12T15:00");
		this.api.syncAndWait(this.integration);
		// held back while the phone edits, so the whole outage is under the test's
		// control
		this.workers.stop();
		editOnPhone("Cake tasting", (ics) -> ics.replace("LOCATION:Bakery", "LOCATION:Patisserie"));
		this.api.syncAndWait(this.integration);
		editOnPhone("Cake tasting", (ics) -> ics.replace("LOCATION:Patisserie", "LOCATION:Garden"));
		editOnPhone("Ceremony", (ics) -> ics.replace("LOCATION:St Mary's", "LOCATION:Town hall"));
		this.api.syncAndWait(this.integration);
		assertThat(pending()).as("notifications written by the syncs").isEqualTo(3);

		this.workers.start();
		Eventually.pause(500); // connection refused
		this.receiver.listenDown();
		Eventually.pause(1000); // 503
		this.receiver.up();
		awaitNoPending();

		List<Received> received = this.receiver.received();
		assertThat(received).allMatch(Received::signatureValid);
		assertThat(received).extracting(Received::type)
			.containsExactlyInAnyOrder("event.updated", "event.updated", "conflict.recorded");
		List<Long> meetingVersions = received.stream()
			.filter((r) -> r.type().equals("event.updated"))
			.filter((r) -> r.body().get("data").get("eventId").asString().equals(meeting))
			.map((r) -> r.body().get("data").get("version").asLong())
			.toList();
		assertThat(meetingVersions).hasSize(2).isSorted();
		assertThat(received.stream().map(Received::eventId).distinct()).hasSize(3);
		JsonNode log = this.api.get("/api/webhook-endpoints/" + this.endpointId + "/deliveries?status=DELIVERED")
			.expect(200)
			.body();
		assertThat(log).hasSize(3);
		List<String> errors = log.findValuesAsString("error");
		assertThat(errors).as("attempts while down").anyMatch((e) -> e.contains("HTTP 503"));
		assertThat(errors).as("attempts while refused").anyMatch((e) -> !e.contains("HTTP"));
		System.out.println("Outbound: " + log.findValues("attempt").size() + " attempts for 3 notifications");
	}

	@Test
	void shouldDeadLetterANotificationAfterTheRetryBudget() {
		this.receiver.listenDown();
		UUID refused = connectWithAWrongPassword();

		Eventually.await("a dead notification", Duration.ofSeconds(60),
				() -> this.api.get("/api/webhook-endpoints/" + this.endpointId + "/deliveries?status=DEAD")
					.expect(200)
					.body()
					.size() == 1);

		JsonNode dead = this.api.get("/api/webhook-endpoints/" + this.endpointId + "/deliveries?status=DEAD")
			.expect(200)
			.body()
			.get(0);
		assertThat(dead.get("eventType").asString()).isEqualTo("integration.auth_failed");
		assertThat(dead.get("resourceKey").asString()).isEqualTo("integration:" + refused);
		assertThat(dead.get("attempts").asInt()).isEqualTo(15);
		assertThat(dead.get("log")).hasSize(15);
		assertThat(dead.get("log").findValuesAsString("statusCode")).containsOnly("503");
		assertThat(this.receiver.received()).isEmpty();
		this.api.get("/api/webhook-endpoints/" + this.endpointId + "/deliveries?status=LOST").expect(400);
	}

	@Test
	void shouldDeliverWhatAStoppedServiceLeftPendingFromAnotherOne() {
		this.workers.stop();
		this.receiver.listenDown();
		connectWithAWrongPassword();
		assertThat(pending()).isEqualTo(1);

		// a second instance of the service takes the notification, fails while the
		// receiver is down, and stops
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(CalSyncApplication.class)
			.profiles("test")
			// its own Quartz name (as arguments: they outrank application.yml):
			// schedulers
			// of one name are one object in a JVM, and closing this context would close
			// the suite's
			.run("--server.port=0", "--spring.quartz.scheduler-name=calsync-restarted",
					"--spring.quartz.auto-startup=false")) {
			Eventually.await("attempts by the other instance", Duration.ofSeconds(30),
					() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM webhook_delivery_attempt", Long.class) >= 2);
		}
		for (String table : List.of("qrtz_simple_triggers", "qrtz_triggers", "qrtz_job_details")) {
			this.jdbc.update("DELETE FROM " + table + " WHERE sched_name = 'calsync-restarted'");
		}
		assertThat(pending()).as("still pending after that instance stopped").isEqualTo(1);

		this.receiver.up();
		this.workers.start();
		awaitNoPending();

		assertThat(this.receiver.received()).hasSize(1)
			.allMatch((r) -> r.type().equals("integration.auth_failed") && r.signatureValid());
	}

	@Test
	void shouldKeepEndpointsToTheirTenantAndRefuseBadOnes() {
		CalSyncApi owner = this.api.withToken(this.api.issueTenantToken(TENANT));
		CalSyncApi other = this.api.withToken(this.api.issueTenantToken("tenant-else"));

		assertThat(owner.get("/api/webhook-endpoints").expect(200).body()).hasSize(1);
		assertThat(owner.get("/api/webhook-endpoints").expect(200).body().get(0).has("secret")).isFalse();
		assertThat(other.get("/api/webhook-endpoints").expect(200).body()).isEmpty();
		other.get("/api/webhook-endpoints/" + this.endpointId).expect(404);
		other.get("/api/webhook-endpoints/" + this.endpointId + "/deliveries").expect(404);
		other.delete("/api/webhook-endpoints/" + this.endpointId).expect(404);
		other.post("/api/webhook-endpoints", Map.of("tenantId", TENANT, "url", "https://x.example/h")).expect(404);
		this.api.post("/api/webhook-endpoints", Map.of("url", "https://x.example/h")).expect(400);
		owner.post("/api/webhook-endpoints", Map.of("url", "ftp://x.example/h")).expect(400);
		owner.post("/api/webhook-endpoints", Map.of("url", "https://user:pw@x.example/h")).expect(400);
		owner.post("/api/webhook-endpoints", Map.of("url", "https://x.example/h", "events", List.of("event.moved")))
			.expect(400);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM webhook_endpoint", Long.class)).isEqualTo(1);

		owner.delete("/api/webhook-endpoints/" + this.endpointId).expect(204);
		assertThat(owner.get("/api/webhook-endpoints").expect(200).body()).isEmpty();
	}

	private UUID connectWithAWrongPassword() {
		UUID refused = UUID.fromString(this.api
			.post("/api/integrations",
					Map.of("tenantId", TENANT, "provider", "CALDAV", "serverUrl", this.radicale.baseUrl().toString(),
							"username", this.radicale.username(), "password", "wrong"))
			.expect(201)
			.body()
			.get("id")
			.asString());
		this.api.syncAndWait(refused);
		assertThat(this.api.get("/api/integrations/" + refused).expect(200).body().get("status").asString())
			.isEqualTo("AUTH_FAILED");
		return refused;
	}

	private long pending() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM webhook_outbox WHERE status = 'PENDING'", Long.class);
	}

	private void awaitNoPending() {
		Eventually.await("every notification delivered", Duration.ofSeconds(60), () -> pending() == 0);
	}

	private String event(String kind, String summary, String location, String start, String end) {
		Map<String, Object> body = new HashMap<>();
		body.put("kind", kind);
		body.put("summary", summary);
		body.put("location", location);
		body.put("start", start);
		body.put("end", end);
		return this.api.post("/api/weddings/" + this.wedding + "/events", body).expect(201).body().get("id").asString();
	}

	private void editOnPhone(String summary, UnaryOperator<String> edit) {
		Map.Entry<URI, String> copy = this.radicale.events(this.calendar)
			.entrySet()
			.stream()
			.filter((e) -> e.getValue().contains("SUMMARY:" + summary + "\r\n")
					|| e.getValue().contains("SUMMARY:" + summary + "\n"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no event '" + summary + "' on the phone"));
		String path = copy.getKey().getPath();
		this.radicale.putEvent(this.calendar, path.substring(path.lastIndexOf('/') + 1), edit.apply(copy.getValue()));
	}

}
