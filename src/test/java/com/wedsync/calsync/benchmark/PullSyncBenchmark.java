package com.wedsync.calsync.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
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
 * Pull-sync cost on a Radicale calendar of {@value #EVENTS} events (all-day, time-zoned,
 * recurring with an override): the initial import, a poll with nothing changed, and a
 * delta of ten server-side changes. Prints wall time, CalDAV requests and rows. Not part
 * of the test suite: {@code scripts/benchmark} runs it.
 */
@ApplicationTest
// Radicale parses a freshly seeded collection on the first request: allow it time.
@TestPropertySource(properties = { "calsync.caldav.multiget-batch-size=50", "calsync.sync.apply-chunk-size=100",
		"calsync.caldav.read-timeout=300s" })
class PullSyncBenchmark {

	static final int EVENTS = Integer.getInteger("calsync.benchmark.events", 2000);

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void pullSync() throws IOException {
		CalDavTestServer radicale = CalDavTestServers.radicale();
		radicale.removeAllCalendars();
		String name = "bench-" + EVENTS;
		var calendar = radicale.createCalendar(name);
		seed(radicale.homeFolder().resolve(name), EVENTS);
		CalSyncApi api = new CalSyncApi(this.port);
		UUID integration = api.connect(radicale, "bench");
		List<String> rows = new ArrayList<>();

		rows.add(measure("initial import of " + EVENTS, api, integration));
		rows.add(measure("no change", api, integration));
		for (int i = 0; i < 5; i++) {
			radicale.putEvent(calendar, "event-%05d.ics".formatted(i), event(i, "changed"));
		}
		for (int i = 0; i < 3; i++) {
			radicale.putEvent(calendar, "new-%d.ics".formatted(i), event(EVENTS + i, "new"));
		}
		radicale.deleteEvent(calendar.resolve("event-%05d.ics".formatted(10)));
		radicale.deleteEvent(calendar.resolve("event-%05d.ics".formatted(11)));
		rows.add(measure("10 changes on the server", api, integration));

		System.out.printf("%n%-28s %10s %9s %8s %8s %8s%n", "scenario", "wall ms", "requests", "created", "updated",
				"deleted");
		rows.forEach(System.out::println);
		System.out.printf("rows: wedding_event=%d event_link=%d%n%n",
				this.jdbc.queryForObject("SELECT COUNT(*) FROM wedding_event", Integer.class),
				this.jdbc.queryForObject("SELECT COUNT(*) FROM event_link", Integer.class));
	}

	private String measure(String scenario, CalSyncApi api, UUID integration) {
		double requests = requests();
		long start = System.nanoTime();
		JsonNode report = api.syncAndWait(integration);
		long wall = Duration.ofNanos(System.nanoTime() - start).toMillis();
		assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
		JsonNode counts = report.get("counts");
		StringBuilder steps = new StringBuilder();
		for (JsonNode step : report.get("steps")) {
			long ms = Duration
				.between(Instant.parse(step.get("startedAt").asString()), Instant.parse(step.get("endedAt").asString()))
				.toMillis();
			steps.append(' ').append(step.get("name").asString()).append('=').append(ms);
		}
		return "%-28s %10d %9.0f %8d %8d %8d  steps ms:%s".formatted(scenario, wall, requests() - requests,
				counts.get("created").asInt(), counts.get("updated").asInt(), counts.get("deleted").asInt(), steps);
	}

	private double requests() {
		return this.meters.find(CalSyncMetrics.CALDAV_REQUESTS).counters().stream().mapToDouble(Counter::count).sum();
	}

	// Radicale's PUT scans the collection for a duplicate UID, so large calendars are
	// written straight into its storage folder.
	private static void seed(Path folder, int count) throws IOException {
		for (int i = 0; i < count; i++) {
			Files.writeString(folder.resolve("event-%05d.ics".formatted(i)), event(i, "v1"));
		}
	}

	static String event(int i, String version) {
		LocalDate day = LocalDate.of(2027, 1, 1).plusDays(i % 700);
		String date = day.toString().replace("-", "");
		String when = switch (i % 4) {
			case 0 -> "DTSTART;VALUE=DATE:%s\r\nDTEND;VALUE=DATE:%s\r\n".formatted(date,
					day.plusDays(1).toString().replace("-", ""));
			case 1 ->
				"DTSTART;TZID=Europe/London:%sT140000\r\nDTEND;TZID=Europe/London:%sT153000\r\n".formatted(date, date);
			case 2 -> "DTSTART;TZID=America/New_York:%sT090000\r\nDURATION:PT1H\r\n".formatted(date);
			default -> "DTSTART:%sT100000Z\r\nDTEND:%sT110000Z\r\nRRULE:FREQ=WEEKLY;COUNT=6\r\n".formatted(date, date);
		};
		String override = (i % 4 == 3)
				? """
						BEGIN:VEVENT\r
						UID:bench-%d@wedsync.example\r
						DTSTAMP:20261130T090000Z\r
						RECURRENCE-ID:%sT100000Z\r
						DTSTART:%sT120000Z\r
						DTEND:%sT130000Z\r
						SUMMARY:Moved occurrence\r
						END:VEVENT\r
						""".formatted(i, day.plusWeeks(1).toString().replace("-", ""),
						day.plusWeeks(1).toString().replace("-", ""), day.plusWeeks(1).toString().replace("-", ""))
				: "";
		return """
				BEGIN:VCALENDAR\r
				VERSION:2.0\r
				PRODID:-//calsync benchmark//EN\r
				BEGIN:VEVENT\r
				UID:bench-%d@wedsync.example\r
				DTSTAMP:20261130T090000Z\r
				%sSUMMARY:Event %d (%s)\r
				X-WEDSYNC-KIND:%s\r
				END:VEVENT\r
				%sEND:VCALENDAR\r
				""".formatted(i, when, i, version, (i % 3 == 0) ? "MEETING" : "DEADLINE", override);
	}

}
