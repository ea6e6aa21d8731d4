package com.wedsync.calsync.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.wedsync.calsync.batch.CalendarSyncJobFunctionalTestsSupport;
import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;
import com.wedsync.calsync.webhook.WebhookSignature;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Latency on loopback from a change notice's receipt to its sync: the 202 answer, the
 * sync request ({@code sync_run.requested_at}) and the job's start
 * ({@code BATCH_JOB_EXECUTION.START_TIME}), over {@value #SAMPLES} notices one after
 * another, each for a new event on a real Radicale. Not part of the test suite:
 * {@code scripts/benchmark} runs it.
 */
@ApplicationTest
class WebhookLatencyBenchmark {

	static final int SAMPLES = Integer.getInteger("calsync.benchmark.webhook-samples", 40);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void noticeToSyncStart() throws Exception {
		CalDavTestServer radicale = CalDavTestServers.radicale();
		radicale.removeAllCalendars();
		URI calendar = radicale.createCalendar("latency");
		CalendarSyncJobFunctionalTestsSupport.putFixtures(radicale, calendar);
		CalSyncApi api = new CalSyncApi(this.port);
		UUID integration = api.connect(radicale, "tenant-latency");
		api.syncAndWait(integration);
		JsonNode subscription = api.post("/api/integrations/" + integration + "/webhook-subscriptions", Map.of())
			.expect(201)
			.body();
		URI endpoint = api.base().resolve("/api/webhooks/caldav/" + subscription.get("id").asString());
		String secret = subscription.get("secret").asString();

		List<Long> answer = new ArrayList<>();
		List<Long> requested = new ArrayList<>();
		List<Long> started = new ArrayList<>();
		for (int i = 0; i < SAMPLES; i++) {
			radicale.putEvent(calendar, "latency-" + i + ".ics",
					CalendarSyncJobFunctionalTestsSupport.event("latency-" + i, "Sample " + i));
			String deliveryId = "latency-" + i;
			long sent = System.nanoTime();
			assertThat(post(endpoint, secret, deliveryId, calendar)).isEqualTo(202);
			answer.add((System.nanoTime() - sent) / 1_000_000);
			Map<String, Object> row = awaitSyncEnded(deliveryId);
			Instant received = ((Timestamp) row.get("received_at")).toInstant();
			requested.add(Duration.between(received, ((Timestamp) row.get("requested_at")).toInstant()).toMillis());
			Instant start = ((Timestamp) row.get("start_time")).toLocalDateTime()
				.atZone(ZoneId.systemDefault())
				.toInstant();
			started.add(Duration.between(received, start).toMillis());
		}
		System.out.printf("%nWebhook latency on loopback, %d notices (ms)%n", SAMPLES);
		System.out.printf("%-34s %6s %6s %6s%n", "", "p50", "p95", "max");
		print("POST to 202 answer", answer);
		print("receipt to sync requested", requested);
		print("receipt to sync job started", started);
	}

	private int post(URI endpoint, String secret, String deliveryId, URI calendar) throws Exception {
		byte[] body = this.json
			.writeValueAsString(
					Map.of("deliveryId", deliveryId, "calendarUrl", calendar.toString(), "changeType", "created"))
			.getBytes(StandardCharsets.UTF_8);
		long now = Instant.now().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(endpoint)
			.header("Content-Type", "application/json")
			.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now))
			.header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, now, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private Map<String, Object> awaitSyncEnded(String deliveryId) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(60);
		while (Instant.now().isBefore(deadline)) {
			List<Map<String, Object>> rows = this.jdbc
				.queryForList("SELECT i.received_at, r.requested_at, e.start_time FROM webhook_inbox i "
						+ "JOIN sync_run r ON r.id = i.sync_run_id "
						+ "JOIN batch_job_execution e ON e.job_execution_id = r.job_execution_id "
						+ "WHERE i.delivery_id = ? AND r.status NOT IN ('QUEUED', 'RUNNING')", deliveryId);
			if (!rows.isEmpty()) {
				return rows.get(0);
			}
			Thread.sleep(20);
		}
		throw new AssertionError("no ended sync for notice " + deliveryId);
	}

	private static void print(String what, List<Long> millis) {
		List<Long> sorted = new ArrayList<>(millis);
		Collections.sort(sorted);
		System.out.printf("%-34s %6d %6d %6d%n", what, percentile(sorted, 50), percentile(sorted, 95),
				sorted.get(sorted.size() - 1));
	}

	private static long percentile(List<Long> sorted, int p) {
		return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
	}

}
