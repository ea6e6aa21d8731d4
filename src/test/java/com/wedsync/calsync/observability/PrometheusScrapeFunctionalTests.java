package com.wedsync.calsync.observability;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.observability.MonitoringExpressions.Expression;
import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;
import com.wedsync.calsync.testpeers.FaultyProxy;
import com.wedsync.calsync.testpeers.PrometheusTestServer;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Prometheus scrapes the service every second while it syncs: events pushed to a
 * calendar, events made on a phone imported, an unreadable event parked as a dead letter,
 * and a sync of an account whose host went down failing. Then every expression of every
 * dashboard panel and alert rule (the query left of the threshold) is asked of
 * Prometheus's HTTP API and must return at least one series: no panel or alert looks at a
 * metric the service does not publish.
 */
@ApplicationTest
class PrometheusScrapeFunctionalTests {

	@LocalServerPort
	int port;

	@Test
	@Timeout(120)
	void shouldReturnDataForEveryDashboardAndAlertExpression() throws Exception {
		CalSyncApi api = new CalSyncApi(this.port);
		CalDavTestServer radicale = CalDavTestServers.radicale();
		radicale.removeAllCalendars();
		URI calendar = radicale.createCalendar("monitored");
		radicale.putEvent(calendar, "phone.ics", event("phone@monitoring.example", "DTSTART:20270610T100000Z",
				"DTEND:20270610T110000Z", "Made on the phone"));
		radicale.putEvent(calendar, "mars.ics",
				event("mars@monitoring.example", "DTSTART;TZID=Mars/Olympus_Mons:20270610T100000",
						"DTEND;TZID=Mars/Olympus_Mons:20270610T110000", "Unreadable"));
		radicale.createCalendar("behind-a-failing-host");
		try (PrometheusTestServer prometheus = PrometheusTestServer.scraping(this.port);
				FaultyProxy failingHost = new FaultyProxy(radicale.baseUrl(), 0, 7)) {
			long started = System.nanoTime();
			UUID integration = api.connect(radicale, "tenant-monitoring");
			JsonNode imported = api.syncAndWait(integration);
			assertThat(imported.get("status").asString()).isEqualTo("COMPLETED");
			assertThat(imported.get("counts").get("deadLettered").asInt()).as(imported.toString()).isEqualTo(1);
			planWeddingWithMeeting(api, integration);
			assertThat(api.syncAndWait(integration).get("status").asString()).isEqualTo("COMPLETED");
			UUID onFailingHost = api.connect(radicale, failingHost.baseUrl(), "tenant-failing");
			failingHost.goDown();
			assertThat(api.syncAndWait(onFailingHost).get("status").asString()).isEqualTo("FAILED");

			awaitScraped(prometheus);
			List<String> empty = new ArrayList<>();
			List<Expression> expressions = MonitoringExpressions.all();
			for (Expression expression : expressions) {
				if (prometheus.query(expression.promql()).isEmpty()) {
					empty.add(expression.toString());
				}
			}
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			assertThat(expressions).hasSizeGreaterThan(50);
			assertThat(empty).as("expressions without data, of " + expressions.size() + " (after " + took + ")")
				.isEmpty();
		}
	}

	/**
	 * Until Prometheus has the failed sync, then two more scrapes, so every rate() has
	 * two samples after the last change.
	 */
	private static void awaitScraped(PrometheusTestServer prometheus) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (prometheus.query("sum(calsync_sync_duration_seconds_count{outcome=~\"failed|host_unavailable\"}) > 0")
			.isEmpty()) {
			assertThat(System.nanoTime()).as("Prometheus scraped the failed sync; target " + prometheus.targetHealth())
				.isLessThan(deadline);
			Thread.sleep(200);
		}
		Thread.sleep(2500);
	}

	private static void planWeddingWithMeeting(CalSyncApi api, UUID integration) {
		JsonNode calendars = api.get("/api/integrations/" + integration).expect(200).body().get("calendars");
		String calendarId = null;
		for (JsonNode calendar : calendars) {
			if (calendar.get("href").asString().endsWith("/monitored/")) {
				calendarId = calendar.get("id").asString();
			}
		}
		String wedding = api
			.post("/api/weddings",
					Map.of("tenantId", "tenant-monitoring", "title", "Monitored", "weddingDate", "2027-06-12",
							"timeZone", "Europe/London"))
			.expect(201)
			.body()
			.get("id")
			.asString();
		api.post("/api/weddings/" + wedding + "/participants", Map.of("calendarId", calendarId, "role", "PLANNER"))
			.expect(201);
		api.post("/api/weddings/" + wedding + "/events", Map.of("kind", "MEETING", "summary", "Venue visit", "start",
				"2027-05-01T10:00", "end", "2027-05-01T11:00"))
			.expect(201);
	}

	private static String event(String uid, String start, String end, String summary) {
		return """
				BEGIN:VCALENDAR\r
				VERSION:2.0\r
				PRODID:-//calsync tests//EN\r
				BEGIN:VEVENT\r
				UID:%s\r
				DTSTAMP:20261130T090000Z\r
				%s\r
				%s\r
				SUMMARY:%s\r
				END:VEVENT\r
				END:VCALENDAR\r
				""".formatted(uid, start, end, summary);
	}

}
