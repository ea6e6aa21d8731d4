package com.wedsync.calsync.benchmark;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.observability.CalSyncMetrics;
import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Push cost: {@value #EVENTS} platform events of one wedding written to one participant
 * calendar, then a sync with ten changes on each side. Prints wall time and CalDAV
 * requests by method. Not part of the test suite: {@code scripts/benchmark} runs it.
 */
@ApplicationTest
@TestPropertySource(properties = { "calsync.caldav.multiget-batch-size=50", "calsync.sync.apply-chunk-size=100",
		"calsync.caldav.read-timeout=300s" })
class PushSyncBenchmark {

	static final int EVENTS = Integer.getInteger("calsync.benchmark.push-events", 1000);

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcTemplate jdbc;

	static List<CalDavTestServer> servers() {
		return CalDavTestServers.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void push(CalDavTestServer server) {
		server.removeAllCalendars();
		URI calendar = server.createCalendar("push-" + EVENTS);
		CalSyncApi api = new CalSyncApi(this.port);
		UUID integration = api.connect(server, "bench-push");
		api.syncAndWait(integration);
		String wedding = api
			.post("/api/weddings", Map.of("tenantId", "bench-push", "title", "Bench", "weddingDate", "2027-06-12",
					"timeZone", "Europe/London"))
			.expect(201)
			.body()
			.get("id")
			.asString();
		String calendarId = this.jdbc.queryForObject("SELECT id FROM calendar WHERE integration_id = ? AND href = ?",
				String.class, integration, calendar.toString());
		api.post("/api/weddings/" + wedding + "/participants", Map.of("calendarId", calendarId, "role", "PLANNER"))
			.expect(201);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < EVENTS; i++) {
			LocalDate day = LocalDate.of(2027, 1, 1).plusDays(i % 300);
			ids.add(api
				.post("/api/weddings/" + wedding + "/events", Map.of("kind", (i % 2 == 0) ? "MEETING" : "DEADLINE",
						"summary", "Task " + i, "start", day + "T10:00", "end", day + "T11:00"))
				.expect(201)
				.body()
				.get("id")
				.asString());
		}
		List<String> rows = new ArrayList<>();

		rows.add(measure("push " + EVENTS + " new events", api, integration));
		rows.add(measure("next sync (own writes listed)", api, integration));
		rows.add(measure("no change", api, integration));
		for (int i = 0; i < 10; i++) {
			api.patch("/api/events/" + ids.get(i), Map.of("summary", "Task " + i + " (platform edit)")).expect(200);
		}
		List<URI> onServer = new ArrayList<>(server.events(calendar).keySet());
		for (int i = 0; i < 10; i++) {
			URI href = onServer.get(onServer.size() - 1 - i);
			String ics = server.getEvent(href);
			server.putEvent(calendar, href.getPath().substring(href.getPath().lastIndexOf('/') + 1),
					ics.replaceFirst("SUMMARY:([^\\r\\n]*)", "SUMMARY:$1 (phone edit)"));
		}
		rows.add(measure("10 changes on each side", api, integration));

		System.out.printf("%n%s, %d events%n%-32s %9s %6s %5s %8s %8s%n", server, EVENTS, "scenario", "wall ms", "PUT",
				"DEL", "REPORT", "PROPFIND");
		rows.forEach(System.out::println);
		System.out.println();
	}

	private String measure(String scenario, CalSyncApi api, UUID integration) {
		double[] before = requests();
		long start = System.nanoTime();
		JsonNode report = api.syncAndWait(integration);
		long wall = Duration.ofNanos(System.nanoTime() - start).toMillis();
		assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
		double[] after = requests();
		return "%-32s %9d %6.0f %5.0f %8.0f %8.0f".formatted(scenario, wall, after[0] - before[0], after[1] - before[1],
				after[2] - before[2], after[3] - before[3]);
	}

	private double[] requests() {
		double[] byMethod = new double[4];
		List<String> methods = List.of("PUT", "DELETE", "REPORT", "PROPFIND");
		for (Counter counter : this.meters.find(CalSyncMetrics.CALDAV_REQUESTS).counters()) {
			int index = methods.indexOf(counter.getId().getTag(CalSyncMetrics.TAG_METHOD));
			if (index >= 0) {
				byMethod[index] += counter.count();
			}
		}
		return byMethod;
	}

}
