package com.wedsync.calsync.batch;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.ical.CalendarObjectParser;
import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;
import com.wedsync.calsync.testpeers.FaultyProxy;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One CalDAV host goes down: the syncs of the integration on it fail fast with exit code
 * HOST_UNAVAILABLE once its circuit is open, an integration on another host keeps
 * syncing, and after the host recovers the changes made meanwhile arrive.
 */
@ApplicationTest
// The circuit opens after three failed attempts of one request, before its fourth.
@TestPropertySource(
		properties = { "calsync.caldav.resilience.max-attempts=4", "calsync.caldav.resilience.base-backoff=10ms",
				"calsync.caldav.resilience.max-backoff=50ms", "calsync.caldav.resilience.sliding-window-size=3",
				"calsync.caldav.resilience.minimum-calls=3", "calsync.caldav.resilience.failure-rate-threshold=100",
				"calsync.caldav.resilience.open-wait=1s", "calsync.caldav.resilience.half-open-calls=1" })
class HostOutageFunctionalTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CalendarObjectParser parser;

	CalSyncApi api;

	CalDavTestServer radicale;

	FaultyProxy deadHost;

	@AfterEach
	void tearDown() {
		if (this.deadHost != null) {
			this.deadHost.close();
		}
	}

	@Test
	@Timeout(60)
	void shouldFailFastOnTheDeadHostKeepSyncingTheOtherAndCatchUpAfterRecovery() {
		this.api = new CalSyncApi(this.port);
		this.radicale = CalDavTestServers.radicale();
		this.radicale.removeAllCalendars();
		URI down = this.radicale.createCalendar("behind-the-dead-host");
		URI up = this.radicale.createCalendar("direct");
		this.deadHost = new FaultyProxy(this.radicale.baseUrl(), 0, 1);
		UUID onDeadHost = this.api.connect(this.radicale, this.deadHost.baseUrl(), "tenant-down");
		UUID onLiveHost = this.api.connect(this.radicale, "tenant-up");
		assertThat(status(this.api.syncAndWait(onDeadHost))).isEqualTo("COMPLETED COMPLETED");
		assertThat(status(this.api.syncAndWait(onLiveHost))).isEqualTo("COMPLETED COMPLETED");
		weddingWithEvent("tenant-down", onDeadHost, "behind-the-dead-host", "Written during the outage");
		this.deadHost.goDown();
		int requestsBefore = this.deadHost.requests();

		long started = System.nanoTime();
		JsonNode failed = this.api.syncAndWait(onDeadHost);
		int requestsWhenOpen = this.deadHost.requests();
		JsonNode failedAgain = this.api.syncAndWait(onDeadHost);
		Duration bothFailures = Duration.ofNanos(System.nanoTime() - started);

		assertThat(status(failed)).as(failed.toString()).isEqualTo("FAILED HOST_UNAVAILABLE");
		assertThat(failed.get("exitMessage").asString()).contains("unavailable");
		assertThat(status(failedAgain)).isEqualTo("FAILED HOST_UNAVAILABLE");
		assertThat(requestsWhenOpen - requestsBefore).as("attempts before the circuit opened").isEqualTo(3);
		assertThat(this.deadHost.requests()).as("requests sent while the circuit is open").isEqualTo(requestsWhenOpen);
		assertThat(bothFailures).isLessThan(Duration.ofSeconds(10));

		weddingWithEvent("tenant-up", onLiveHost, "direct", "Written on the live host");
		assertThat(status(this.api.syncAndWait(onLiveHost))).isEqualTo("COMPLETED COMPLETED");
		assertThat(summaries(up)).contains("Written on the live host");
		assertThat(summaries(down)).doesNotContain("Written during the outage");

		this.deadHost.recover();
		sleep(Duration.ofMillis(1100));
		JsonNode recovered = this.api.syncAndWait(onDeadHost);

		assertThat(recovered.get("status").asString()).as(recovered.toString()).isEqualTo("COMPLETED");
		assertThat(summaries(down)).contains("Written during the outage");
	}

	private void weddingWithEvent(String tenant, UUID integration, String calendar, String summary) {
		String wedding = this.api
			.post("/api/weddings", Map.of("tenantId", tenant, "title", "Outage", "weddingDate", "2027-06-12",
					"timeZone", "Europe/London"))
			.expect(201)
			.body()
			.get("id")
			.asString();
		String calendarId = this.jdbc.queryForObject(
				"SELECT CAST(id AS VARCHAR) FROM calendar WHERE integration_id = ? AND href LIKE ?", String.class,
				integration, "%/" + calendar + "/");
		this.api.post("/api/weddings/" + wedding + "/participants", Map.of("calendarId", calendarId, "role", "PLANNER"))
			.expect(201);
		this.api
			.post("/api/weddings/" + wedding + "/events",
					Map.of("kind", "MEETING", "summary", summary, "start", "2027-05-01T10:00", "end",
							"2027-05-01T11:00"))
			.expect(201);
	}

	private List<String> summaries(URI calendar) {
		return this.radicale.events(calendar).values().stream().map((ics) -> this.parser.parse(ics).summary()).toList();
	}

	private static String status(JsonNode report) {
		return report.get("status").asString() + " " + report.get("exitCode").asString();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
