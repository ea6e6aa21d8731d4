package com.wedsync.calsync.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import io.micrometer.core.instrument.Counter;
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
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * calendarSyncJob end to end: the service on PostgreSQL pulling from real Radicale and
 * Xandikos servers, driven through the REST API as an operator would.
 */
@ApplicationTest
class CalendarSyncJobFunctionalTests {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcTemplate jdbc;

	CalSyncApi api;

	@BeforeEach
	void setUp() {
		this.api = new CalSyncApi(this.port);
	}

	static List<CalDavTestServer> servers() {
		return CalDavTestServers.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldImportEveryKindOfEventWithExactInstants(CalDavTestServer server) {
		URI calendar = freshCalendar(server);
		putFixtures(server, calendar);
		UUID integration = this.api.connect(server, "tenant-a");

		JsonNode report = this.api.syncAndWait(integration);

		assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(report.get("counts").get("created").asInt()).isEqualTo(4);
		Map<String, JsonNode> events = events(integration);
		assertThat(events).containsOnlyKeys("8A3F6C1E-2B7D-4E0A-9C55-1D2E3F4A5B6C", "deadline-rsvp@wedsync.example",
				"meeting-florist-2027@wedsync.example", "weekly-dance-lessons@wedsync.example");
		JsonNode ceremony = events.get("8A3F6C1E-2B7D-4E0A-9C55-1D2E3F4A5B6C");
		assertThat(ceremony.get("kind").asString()).isEqualTo("CEREMONY");
		assertThat(ceremony.get("start").asString()).isEqualTo("2027-06-12T13:00:00Z");
		assertThat(ceremony.get("end").asString()).isEqualTo("2027-06-12T15:00:00Z");
		assertThat(ceremony.get("timeZone").asString()).isEqualTo("Europe/London");
		JsonNode deadline = events.get("deadline-rsvp@wedsync.example");
		assertThat(deadline.get("allDay").asBoolean()).isTrue();
		assertThat(deadline.get("kind").asString()).isEqualTo("DEADLINE");
		assertThat(deadline.get("start").asString()).isEqualTo("2027-05-01T00:00:00Z");
		assertThat(deadline.get("end").asString()).isEqualTo("2027-05-03T00:00:00Z");
		JsonNode florist = events.get("meeting-florist-2027@wedsync.example");
		assertThat(florist.get("start").asString()).isEqualTo("2027-11-05T14:00:00Z");
		assertThat(florist.get("end").asString()).isEqualTo("2027-11-05T15:30:00Z");
		assertThat(florist.get("kind").asString()).isEqualTo("MEETING");
		JsonNode lessons = events.get("weekly-dance-lessons@wedsync.example");
		assertThat(lessons.get("start").asString()).isEqualTo("2027-03-01T18:00:00Z");
		assertThat(lessons.get("recurrence").get("rule").asString()).contains("FREQ=WEEKLY").contains("COUNT=10");
		JsonNode overrides = lessons.get("recurrence").get("overrides");
		assertThat(overrides).hasSize(2);
		assertThat(StreamSupport.stream(overrides.spliterator(), false)
			.map((o) -> o.get("recurrenceId").asString() + " " + o.get("timing").get("start").asString() + " "
					+ o.get("cancelled").asBoolean())
			.toList()).containsExactlyInAnyOrder("2027-03-15T18:00:00Z 2027-03-16T19:00:00Z false",
					"2027-04-05T17:00:00Z 2027-04-05T17:00:00Z true");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldFetchOnlyTheDeltaAfterChangesOnTheServer(CalDavTestServer server) {
		URI calendar = freshCalendar(server);
		putFixtures(server, calendar);
		UUID integration = this.api.connect(server, "tenant-a");
		this.api.syncAndWait(integration);

		server.putEvent(calendar, "new.ics", simpleEvent("new-event@wedsync.example", "Cake tasting"));
		server.putEvent(calendar, "deadline.ics",
				fixture("all-day-deadline.ics").replace("SUMMARY:RSVPs due", "SUMMARY:RSVPs due (extended)"));
		server.deleteEvent(calendar.resolve("florist.ics"));
		double before = caldavRequests();
		JsonNode report = this.api.syncAndWait(integration);
		double requests = caldavRequests() - before;

		assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
		JsonNode counts = report.get("counts");
		assertThat(counts.get("read").asInt()).isEqualTo(3);
		assertThat(counts.get("created").asInt()).isEqualTo(1);
		assertThat(counts.get("updated").asInt()).isEqualTo(1);
		assertThat(counts.get("deleted").asInt()).isEqualTo(1);
		// listing of the home, sync-collection, one multiget of the two changed hrefs
		assertThat(requests).isEqualTo(3);
		Map<String, JsonNode> events = events(integration);
		assertThat(events).containsKey("new-event@wedsync.example")
			.doesNotContainKey("meeting-florist-2027@wedsync.example");
		assertThat(events.get("deadline-rsvp@wedsync.example").get("summary").asString())
			.isEqualTo("RSVPs due (extended)");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldMakeOneRequestWhenNothingChanged(CalDavTestServer server) {
		URI calendar = freshCalendar(server);
		putFixtures(server, calendar);
		UUID integration = this.api.connect(server, "tenant-a");
		this.api.syncAndWait(integration);
		List<String> before = eventTable();

		double requestsBefore = caldavRequests();
		JsonNode report = this.api.syncAndWait(integration);

		assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(caldavRequests() - requestsBefore).isEqualTo(1);
		assertThat(report.get("counts").get("read").asInt()).isZero();
		assertThat(eventTable()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldConvergeWhenTheStoredTokenIsNoLongerValid(CalDavTestServer server) {
		URI calendar = freshCalendar(server);
		putFixtures(server, calendar);
		UUID integration = this.api.connect(server, "tenant-a");
		this.api.syncAndWait(integration);
		server.putEvent(calendar, "new.ics", simpleEvent("after-bogus@wedsync.example", "Suit fitting"));
		server.deleteEvent(calendar.resolve("deadline.ics"));
		this.jdbc.update("UPDATE calendar SET sync_token = ?, ctag = 'stale' WHERE integration_id = ?",
				bogusToken(server), integration);

		JsonNode report = this.api.syncAndWait(integration);

		assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(report.get("counts").get("created").asInt()).isEqualTo(1);
		assertThat(report.get("counts").get("deleted").asInt()).isEqualTo(1);
		assertThat(events(integration)).containsOnlyKeys("8A3F6C1E-2B7D-4E0A-9C55-1D2E3F4A5B6C",
				"meeting-florist-2027@wedsync.example", "weekly-dance-lessons@wedsync.example",
				"after-bogus@wedsync.example");
		String committed = this.jdbc.queryForObject("SELECT sync_token FROM calendar WHERE integration_id = ?",
				String.class, integration);
		assertThat(committed).isNotEqualTo(bogusToken(server)).isNotNull();
	}

	private static String bogusToken(CalDavTestServer server) {
		// Radicale's tokens are URIs, Xandikos's bare hex: a wrong one of each kind.
		return server.name().equalsIgnoreCase("radicale") ? "http://radicale.org/ns/sync/0000000000000000" : "deadbeef";
	}

	private URI freshCalendar(CalDavTestServer server) {
		server.removeAllCalendars();
		return server.createCalendar("wedding-" + UUID.randomUUID().toString().substring(0, 8));
	}

	static void putFixtures(CalDavTestServer server, URI calendar) {
		server.putEvent(calendar, "ceremony.ics", fixture("icloud-ceremony-london.ics"));
		server.putEvent(calendar, "deadline.ics", fixture("all-day-deadline.ics"));
		server.putEvent(calendar, "florist.ics", fixture("new-york-meeting-duration.ics"));
		server.putEvent(calendar, "lessons.ics", fixture("weekly-with-overrides.ics"));
	}

	static String fixture(String name) {
		try {
			return new ClassPathResource("ical/" + name).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String simpleEvent(String uid, String summary) {
		return """
				BEGIN:VCALENDAR\r
				VERSION:2.0\r
				PRODID:-//calsync tests//EN\r
				BEGIN:VEVENT\r
				UID:%s\r
				DTSTAMP:20261130T090000Z\r
				DTSTART:20270610T100000Z\r
				DTEND:20270610T110000Z\r
				SUMMARY:%s\r
				END:VEVENT\r
				END:VCALENDAR\r
				""".formatted(uid, summary);
	}

	private Map<String, JsonNode> events(UUID integration) {
		JsonNode detail = this.api.get("/api/integrations/" + integration).expect(200).body();
		Map<String, JsonNode> events = new HashMap<>();
		for (JsonNode calendar : detail.get("calendars")) {
			JsonNode list = this.api.get("/api/calendars/" + calendar.get("id").asString() + "/events")
				.expect(200)
				.body();
			list.forEach((event) -> events.put(event.get("uid").asString(), event));
		}
		return events;
	}

	private List<String> eventTable() {
		return this.jdbc.queryForList("SELECT uid || ' ' || version || ' ' || content_hash FROM wedding_event "
				+ "WHERE deleted = FALSE ORDER BY uid", String.class);
	}

	private double caldavRequests() {
		return this.meters.find(CalSyncMetrics.CALDAV_REQUESTS).counters().stream().mapToDouble(Counter::count).sum();
	}

}
