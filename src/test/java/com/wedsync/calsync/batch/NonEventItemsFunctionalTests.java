package com.wedsync.calsync.batch;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calendars that hold tasks and notes beside events (DAViCal's default calendar,
 * Thunderbird, Evolution) sync like any other: the items that are not events are skipped
 * and counted, never parked as dead letters, never copied and never touched.
 */
@ApplicationTest
class NonEventItemsFunctionalTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	CalSyncApi api;

	@BeforeEach
	void setUp() {
		this.api = new CalSyncApi(this.port);
	}

	static List<CalDavTestServer> servers() {
		return List.of(CalDavTestServers.radicale(), CalDavTestServers.xandikos(), CalDavTestServers.davical());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldSkipTenTasksAndANoteWithoutADeadLetterAndLeaveThemAsTheyWere(CalDavTestServer server) {
		server.removeAllCalendars();
		URI couple = server.createCalendar("couple-" + UUID.randomUUID().toString().substring(0, 6));
		URI planner = server.createCalendar("planner-" + UUID.randomUUID().toString().substring(0, 6));
		for (int i = 1; i <= 10; i++) {
			server.putEvent(couple, "task-" + i + ".ics", task(i));
		}
		server.putEvent(couple, "note.ics", NOTE);
		server.putEvent(couple, "fitting.ics",
				CalendarSyncJobFunctionalTests.simpleEvent("fitting@non-event", "Dress fitting"));
		Map<URI, String> before = server.events(couple);
		double tasksBefore = skipped("vtodo");
		double notesBefore = skipped("vjournal");
		UUID integration = this.api.connect(server, "tenant-tasks");
		String wedding = wedding(integration, couple, planner);

		sync(integration);
		this.api
			.post("/api/weddings/" + wedding + "/events", Map.of("kind", "MEETING", "summary", "Venue visit", "start",
					"2027-04-20T10:00", "end", "2027-04-20T11:00"))
			.expect(201);
		sync(integration);

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE integration_id = ?", Integer.class,
				integration))
			.isZero();
		assertThat(skipped("vtodo") - tasksBefore).isEqualTo(10);
		assertThat(skipped("vjournal") - notesBefore).isEqualTo(1);
		Map<URI, String> after = server.events(couple);
		before.forEach((href, body) -> {
			if (!href.getPath().endsWith("fitting.ics")) {
				assertThat(after.get(href)).as(href.toString()).isEqualTo(body);
			}
		});
		// the fitting predates the wedding: the couple's own, so the wedding's meeting
		// alone
		assertThat(server.events(planner).values()).singleElement()
			.satisfies((body) -> assertThat(body).contains("SUMMARY:Venue visit")
				.doesNotContain("VTODO")
				.doesNotContain("VJOURNAL"));
	}

	private String wedding(UUID integration, URI couple, URI planner) {
		sync(integration);
		String wedding = this.api
			.post("/api/weddings", Map.of("tenantId", "tenant-tasks", "title", "Alice & Ben", "weddingDate",
					"2027-06-12", "timeZone", "Europe/London"))
			.expect(201)
			.body()
			.get("id")
			.asString();
		for (URI calendar : List.of(couple, planner)) {
			String id = this.jdbc.queryForObject("SELECT id FROM calendar WHERE integration_id = ? AND href = ?",
					String.class, integration, calendar.toString());
			this.api
				.post("/api/weddings/" + wedding + "/participants",
						Map.of("calendarId", id, "role", "COUPLE", "kinds", List.of("CEREMONY", "MEETING", "OTHER")))
				.expect(201);
		}
		return wedding;
	}

	private JsonNode sync(UUID integration) {
		JsonNode report = this.api.syncAndWait(integration);
		assertThat(report.get("status").asString()).as(report.toString()).isEqualTo("COMPLETED");
		assertThat(report.get("counts").get("deadLettered").asInt()).as(report.toString()).isZero();
		return report;
	}

	private double skipped(String reason) {
		return this.meters.get(CalSyncMetrics.ITEMS_SKIPPED).tag(CalSyncMetrics.TAG_REASON, reason).counter().count();
	}

	private static String task(int i) {
		return """
				BEGIN:VCALENDAR\r
				VERSION:2.0\r
				PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN\r
				BEGIN:VTODO\r
				UID:task-%d@non-event\r
				DTSTAMP:20261201T090000Z\r
				CREATED:20261201T090000Z\r
				SUMMARY:Order flowers (%d)\r
				DUE;VALUE=DATE:202704%02d\r
				PRIORITY:5\r
				STATUS:NEEDS-ACTION\r
				X-MOZ-GENERATION:1\r
				END:VTODO\r
				END:VCALENDAR\r
				""".formatted(i, i, i);
	}

	private static final String NOTE = """
			BEGIN:VCALENDAR\r
			VERSION:2.0\r
			PRODID:-//GNOME//Evolution 3.46//EN\r
			BEGIN:VJOURNAL\r
			UID:note@non-event\r
			DTSTAMP:20261201T090000Z\r
			DTSTART;VALUE=DATE:20261201\r
			SUMMARY:Ideas for the first dance\r
			DESCRIPTION:Slow song\\, then a surprise.\r
			END:VJOURNAL\r
			END:VCALENDAR\r
			""";

}
