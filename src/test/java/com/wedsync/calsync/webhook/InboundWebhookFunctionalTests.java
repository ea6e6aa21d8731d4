package com.wedsync.calsync.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SimpleTrigger;
import org.quartz.TriggerKey;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.batch.CalendarSyncJobFunctionalTestsSupport;
import com.wedsync.calsync.observability.CalSyncMetrics;
import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed change notices against a real Radicale and the real sync job: a notice starts
 * one sync, redeliveries and bursts coalesce, forged or stale notices leave no trace, and
 * a subscription slows polling without stopping it.
 */
@ApplicationTest
class InboundWebhookFunctionalTests {

	private static final String TENANT = "tenant-hooks";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Scheduler scheduler;

	CalSyncApi api;

	CalDavTestServer radicale;

	URI calendar;

	UUID integration;

	SignedDeliveries relay;

	String subscriptionId;

	@BeforeEach
	void givenASubscribedAccount() {
		this.api = new CalSyncApi(this.port);
		this.radicale = CalDavTestServers.radicale();
		this.radicale.removeAllCalendars();
		this.calendar = this.radicale.createCalendar("hooks-" + UUID.randomUUID().toString().substring(0, 6));
		CalendarSyncJobFunctionalTestsSupport.putFixtures(this.radicale, this.calendar);
		this.integration = this.api.connect(this.radicale, TENANT);
		this.api.syncAndWait(this.integration);
		JsonNode created = this.api
			.post("/api/integrations/" + this.integration + "/webhook-subscriptions", Map.of("description", "relay"))
			.expect(201)
			.body();
		this.subscriptionId = created.get("id").asString();
		this.relay = new SignedDeliveries(this.api.base(), this.subscriptionId, created.get("secret").asString());
	}

	@Test
	void shouldRunExactlyOneSyncForAValidNoticeAndPickUpTheChange() {
		this.radicale.putEvent(this.calendar, "hooked.ics",
				CalendarSyncJobFunctionalTestsSupport.event("hooked-1", "Added on a phone"));

		assertThat(this.relay.post(SignedDeliveries.notice("d-1", this.calendar))).isEqualTo(202);

		awaitSettled();
		assertThat(webhookRuns()).containsExactly("COMPLETED");
		assertThat(this.jdbc.queryForObject("SELECT created_count FROM sync_run WHERE trigger_type = 'WEBHOOK'",
				Integer.class))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForList("SELECT summary FROM wedding_event WHERE uid = 'hooked-1'", String.class))
			.containsExactly("Added on a phone");
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM webhook_inbox WHERE calendar_id IS NOT NULL " + "AND sync_run_id IS NOT NULL",
				Long.class))
			.as("the notice names the integration's calendar and the sync that covered it")
			.isEqualTo(1);
		pause(1000);
		assertThat(webhookRuns()).as("no further sync once the notice is settled").hasSize(1);
	}

	@Test
	void shouldTreatTenRedeliveriesAsOneNotice() {
		String notice = SignedDeliveries.notice("same-delivery", this.calendar);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			statuses.add(this.relay.post(notice));
		}

		assertThat(statuses.get(0)).isEqualTo(202);
		assertThat(statuses.subList(1, 10)).containsOnly(200);
		awaitSettled();
		assertThat(webhookRuns()).hasSize(1);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM webhook_inbox", Long.class)).isEqualTo(1);
		assertThat(inbound("duplicate")).isGreaterThanOrEqualTo(9);
	}

	@Test
	void shouldRefuseForgedStaleUnknownAndMalformedNoticesWithoutATrace() {
		String notice = SignedDeliveries.notice("d-bad", this.calendar);
		byte[] bytes = notice.getBytes(StandardCharsets.UTF_8);
		long now = Instant.now().getEpochSecond();
		double badSignatures = inbound("bad_signature");
		double stale = inbound("stale");

		assertProblem(this.relay.send(this.subscriptionId, notice, Long.toString(now),
				WebhookSignature.sign("not-the-secret", now, bytes)), 401);
		assertProblem(this.relay.send(this.subscriptionId, notice + " ", Long.toString(now),
				WebhookSignature.sign(this.relay.secret(), now, bytes)), 401);
		assertProblem(this.relay.send(this.subscriptionId, notice, null, null), 401);
		assertProblem(this.relay.send(this.subscriptionId, notice, Long.toString(now - 600),
				WebhookSignature.sign(this.relay.secret(), now - 600, bytes)), 401);
		assertProblem(this.relay.send(this.subscriptionId, notice, Long.toString(now + 600),
				WebhookSignature.sign(this.relay.secret(), now + 600, bytes)), 401);
		assertProblem(this.relay.send(UUID.randomUUID().toString(), notice, Long.toString(now),
				WebhookSignature.sign(this.relay.secret(), now, bytes)), 404);
		assertProblem(this.relay.send("not-a-uuid", notice, Long.toString(now), null), 404);
		String malformed = "{\"deliveryId\": \"d-2\", \"changeType\": \"updated\"}";
		assertProblem(
				this.relay.send(this.subscriptionId, malformed, Long.toString(now),
						WebhookSignature.sign(this.relay.secret(), now, malformed.getBytes(StandardCharsets.UTF_8))),
				400);
		String huge = "{\"pad\": \"" + "x".repeat(70_000) + "\"}";
		assertProblem(this.relay.send(this.subscriptionId, huge, Long.toString(now),
				WebhookSignature.sign(this.relay.secret(), now, huge.getBytes(StandardCharsets.UTF_8))), 413);

		pause(600);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM webhook_inbox", Long.class)).isZero();
		assertThat(webhookRuns()).isEmpty();
		assertThat(inbound("bad_signature") - badSignatures).as("two forged, one unsigned").isEqualTo(3);
		assertThat(inbound("stale") - stale).isEqualTo(2);
	}

	@Test
	void shouldCoalesceABurstOfHundredNoticesIntoAFewSyncs() throws Exception {
		ExecutorService senders = Executors.newFixedThreadPool(8);
		List<Future<Integer>> sent = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			String notice = SignedDeliveries.notice("burst-" + i, this.calendar);
			sent.add(senders.submit(() -> this.relay.post(notice)));
		}
		for (Future<Integer> status : sent) {
			assertThat(status.get()).isEqualTo(202);
		}
		senders.shutdown();

		awaitSettled();
		List<String> runs = webhookRuns();
		System.out.println("A burst of 100 notices for one calendar ran " + runs.size() + " sync(s)");
		assertThat(runs).isNotEmpty().hasSizeLessThanOrEqualTo(10).containsOnly("COMPLETED");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(DISTINCT sync_run_id) FROM webhook_inbox", Long.class))
			.isEqualTo(runs.size());
	}

	@Test
	void shouldPollASubscribedIntegrationLessOftenButStillPoll() throws Exception {
		// connected with the default 300 s; a subscription stretches it four times
		assertThat(pollIntervalSeconds()).isEqualTo(1200);

		this.api.delete("/api/integrations/" + this.integration + "/webhook-subscriptions/" + this.subscriptionId)
			.expect(204);

		assertThat(pollIntervalSeconds()).isEqualTo(300);
		assertThat(this.relay.post(SignedDeliveries.notice("after-delete", this.calendar))).isEqualTo(404);
	}

	@Test
	void shouldShowSubscriptionsOnlyToTheirTenantAndNeverTheSecret() {
		String path = "/api/integrations/" + this.integration + "/webhook-subscriptions";
		JsonNode listed = this.api.withToken(this.api.issueTenantToken(TENANT)).get(path).expect(200).body();
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("id").asString()).isEqualTo(this.subscriptionId);
		assertThat(listed.get(0).has("secret")).isFalse();

		CalSyncApi other = this.api.withToken(this.api.issueTenantToken("tenant-other"));
		other.get(path).expect(404);
		other.post(path, Map.of()).expect(404);
		other.delete(path + "/" + this.subscriptionId).expect(404);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM webhook_subscription", Long.class)).isEqualTo(1);
	}

	private int pollIntervalSeconds() throws Exception {
		SimpleTrigger trigger = (SimpleTrigger) this.scheduler
			.getTrigger(new TriggerKey(this.integration.toString(), "integration-poll"));
		return (int) (trigger.getRepeatInterval() / 1000);
	}

	private static void assertProblem(java.net.http.HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).contains("application/problem+json"));
	}

	/** Every notice settled and no sync queued or running. */
	private void awaitSettled() {
		Eventually.await("notices settled and syncs ended", Duration.ofSeconds(90), () -> this.jdbc
			.queryForObject("SELECT COUNT(*) FROM webhook_inbox WHERE processed_at IS NULL", Long.class) == 0
				&& this.jdbc.queryForObject("SELECT COUNT(*) FROM sync_run WHERE status IN ('QUEUED', 'RUNNING')",
						Long.class) == 0);
	}

	private List<String> webhookRuns() {
		return this.jdbc.queryForList(
				"SELECT status FROM sync_run WHERE integration_id = ? AND trigger_type = 'WEBHOOK' ORDER BY requested_at",
				String.class, this.integration);
	}

	private double inbound(String outcome) {
		return this.meters.get(CalSyncMetrics.WEBHOOK_DELIVERIES_IN)
			.tag(CalSyncMetrics.TAG_OUTCOME, outcome)
			.counter()
			.count();
	}

	private static void pause(long millis) {
		Eventually.pause(millis);
	}

}
