package com.wedsync.calsync.batch;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.ical.CalendarObject;
import com.wedsync.calsync.ical.CalendarObjectParser;
import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalDavWrites;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two-way sync of a wedding with three participant calendars (planner, couple, and a
 * vendor who sees only ceremonies and meetings) on real Radicale and Xandikos servers:
 * platform changes reach every calendar, phone edits come back and go on to the other
 * calendars, ceremony times are protected, conflicts are recorded, and a sync after any
 * of it writes nothing.
 */
@ApplicationTest
class TwoWaySyncFunctionalTests {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CalendarObjectParser parser;

	CalSyncApi api;

	CalDavTestServer server;

	UUID integration;

	String wedding;

	Map<String, URI> calendars = new HashMap<>();

	@BeforeEach
	void setUp() {
		this.api = new CalSyncApi(this.port);
	}

	static List<CalDavTestServer> servers() {
		return CalDavTestServers.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldPushPlatformChangesToEveryParticipantAndThenWriteNothing(CalDavTestServer server) {
		given(server);
		String ceremony = event("CEREMONY", "Ceremony", "St Mary's", "2027-06-12T14:00", "2027-06-12T15:00");
		String deadline = event("DEADLINE", "RSVPs due", null, "2027-05-01", "2027-05-02", "allDay", true);
		String meeting = event("MEETING", "Florist call", null, "2027-03-15T10:00", "2027-03-15T11:00", "timeZone",
				"America/New_York");

		JsonNode first = sync();

		assertThat(first.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(summaries("planner")).containsExactlyInAnyOrder("Ceremony", "RSVPs due", "Florist call");
		assertThat(summaries("couple")).containsExactlyInAnyOrder("Ceremony", "RSVPs due", "Florist call");
		assertThat(summaries("vendor")).containsExactlyInAnyOrder("Ceremony", "Florist call");
		CalendarObject onPhone = copy("couple", "Ceremony");
		assertThat(onPhone.timing().start()).hasToString("2027-06-12T13:00:00Z");
		assertThat(onPhone.timing().timeZone()).isEqualTo("Europe/London");
		assertThat(copy("planner", "Florist call").timing().start()).hasToString("2027-03-15T14:00:00Z");
		assertThat(copy("planner", "RSVPs due").timing().allDay()).isTrue();
		assertThat(onPhone.icalendar()).contains("X-WEDSYNC-KIND:CEREMONY").contains("DTEND");
		assertNoWritesOnNextSync();

		this.api.patch("/api/events/" + meeting, Map.of("summary", "Florist call (moved)")).expect(200);
		this.api.delete("/api/events/" + deadline).expect(204);
		sync();

		for (String calendar : List.of("planner", "couple")) {
			assertThat(summaries(calendar)).containsExactlyInAnyOrder("Ceremony", "Florist call (moved)");
		}
		assertThat(summaries("vendor")).containsExactlyInAnyOrder("Ceremony", "Florist call (moved)");
		assertThat(ceremony).isNotNull();
		assertNoWritesOnNextSync();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldBringAMeetingEditedOnAPhoneToThePlatformAndTheOtherCalendars(CalDavTestServer server) {
		given(server);
		String meeting = event("MEETING", "Cake tasting", "Bakery", "2027-04-10T11:00", "2027-04-10T12:00");
		sync();

		editOnPhone("couple", "Cake tasting", (ics) -> ics.replace("LOCATION:Bakery", "LOCATION:Patisserie"));
		sync();

		assertThat(this.api.get("/api/events/" + meeting).expect(200).body().get("location").asString())
			.isEqualTo("Patisserie");
		assertThat(copy("planner", "Cake tasting").location()).isEqualTo("Patisserie");
		assertThat(copy("vendor", "Cake tasting").location()).isEqualTo("Patisserie");
		assertNoWritesOnNextSync();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldRevertACeremonyTimeEditedOnAPhoneAndRecordIt(CalDavTestServer server) {
		given(server);
		String ceremony = event("CEREMONY", "Ceremony", "St Mary's", "2027-06-12T14:00", "2027-06-12T15:00");
		sync();

		editOnPhone("couple", "Ceremony", (ics) -> ics.replace("T140000", "T160000").replace("T150000", "T170000"));
		sync();

		assertThat(this.api.get("/api/events/" + ceremony).expect(200).body().get("start").asString())
			.isEqualTo("2027-06-12T13:00:00Z");
		assertThat(copy("couple", "Ceremony").timing().start()).hasToString("2027-06-12T13:00:00Z");
		JsonNode conflicts = this.api.get("/api/conflicts?integrationId=" + this.integration).expect(200).body();
		assertThat(conflicts.findValuesAsString("rule")).contains("PLATFORM_AUTHORITATIVE");
		assertThat(conflicts.findValuesAsString("field")).contains("TIMING");
		assertNoWritesOnNextSync();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldKeepBothEditsWhenPhoneAndPlatformChangedDifferentFields(CalDavTestServer server) {
		given(server);
		String meeting = event("MEETING", "Venue visit", "Old Barn", "2027-04-20T10:00", "2027-04-20T11:00");
		sync();

		this.api.patch("/api/events/" + meeting, Map.of("summary", "Venue walkthrough")).expect(200);
		editOnPhone("couple", "Venue visit", (ics) -> ics.replace("LOCATION:Old Barn", "LOCATION:New Barn"));
		sync();

		JsonNode merged = this.api.get("/api/events/" + meeting).expect(200).body();
		assertThat(merged.get("summary").asString()).isEqualTo("Venue walkthrough");
		assertThat(merged.get("location").asString()).isEqualTo("New Barn");
		for (String calendar : List.of("planner", "couple", "vendor")) {
			CalendarObject copy = copy(calendar, "Venue walkthrough");
			assertThat(copy.location()).as(calendar).isEqualTo("New Barn");
		}
		assertNoWritesOnNextSync();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldLetTheLaterEditWinWhenBothChangedTheSameFieldAndRecordIt(CalDavTestServer server) {
		given(server);
		String meeting = event("MEETING", "Menu tasting", "Kitchen", "2027-04-22T10:00", "2027-04-22T11:00");
		sync();

		this.api.patch("/api/events/" + meeting, Map.of("location", "Dining room")).expect(200);
		editOnPhone("couple", "Menu tasting", (ics) -> ics.replace("LOCATION:Kitchen", "LOCATION:Garden")
			.replaceFirst("LAST-MODIFIED:[0-9TZ]+", "LAST-MODIFIED:20991231T000000Z"));
		sync();

		assertThat(this.api.get("/api/events/" + meeting).expect(200).body().get("location").asString())
			.isEqualTo("Garden");
		assertThat(copy("planner", "Menu tasting").location()).isEqualTo("Garden");
		JsonNode conflicts = this.api.get("/api/conflicts?integrationId=" + this.integration).expect(200).body();
		assertThat(conflicts.findValuesAsString("rule")).contains("LATER_EDIT_WINS");
		assertThat(conflicts.findValuesAsString("discardedValue")).contains("Dining room");
		assertNoWritesOnNextSync();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldLetAnEditWinOverADeleteOnThePhone(CalDavTestServer server) {
		given(server);
		String meeting = event("MEETING", "Suit fitting", "Tailor", "2027-05-05T10:00", "2027-05-05T11:00");
		sync();

		this.api.patch("/api/events/" + meeting, Map.of("location", "Tailor, 2nd floor")).expect(200);
		this.server.deleteEvent(href("couple", "Suit fitting"));
		sync();

		assertThat(this.api.get("/api/events/" + meeting).expect(200).body().get("deleted").asBoolean()).isFalse();
		assertThat(copy("couple", "Suit fitting").location()).isEqualTo("Tailor, 2nd floor");
		assertThat(copy("planner", "Suit fitting").location()).isEqualTo("Tailor, 2nd floor");
		assertThat(this.api.get("/api/conflicts?integrationId=" + this.integration)
			.expect(200)
			.body()
			.findValuesAsString("rule")).contains("EDIT_BEATS_DELETE");
		assertNoWritesOnNextSync();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldMoveEventsAnchoredToTheCeremonyToEveryCalendar(CalDavTestServer server) {
		given(server);
		String ceremony = event("CEREMONY", "Ceremony", "St Mary's", "2027-06-12T14:00", "2027-06-12T15:00");
		this.api
			.post("/api/weddings/" + this.wedding + "/events",
					Map.of("kind", "MEETING", "summary", "Florist arrives", "start", "2027-06-12T12:00", "end",
							"2027-06-12T12:30", "anchor", Map.of("eventId", ceremony, "offsetMinutes", -120)))
			.expect(201);
		sync();

		this.api.patch("/api/events/" + ceremony, Map.of("start", "2027-06-12T15:00", "end", "2027-06-12T16:00"))
			.expect(200);
		sync();

		for (String calendar : List.of("planner", "couple", "vendor")) {
			assertThat(copy(calendar, "Ceremony").timing().start()).as(calendar).hasToString("2027-06-12T14:00:00Z");
			assertThat(copy(calendar, "Florist arrives").timing().start()).as(calendar)
				.hasToString("2027-06-12T12:00:00Z");
		}
		assertNoWritesOnNextSync();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldReconcileCeremoniesBeforeTheOtherClasses(CalDavTestServer server) {
		given(server);
		event("OTHER", "Reception", "Barn", "2027-06-12T17:00", "2027-06-12T23:00");
		event("DEADLINE", "Final numbers", null, "2027-05-20", "2027-05-21", "allDay", true);
		event("MEETING", "Rehearsal", "St Mary's", "2027-06-11T17:00", "2027-06-11T18:00");
		event("CEREMONY", "Ceremony", "St Mary's", "2027-06-12T14:00", "2027-06-12T15:00");

		JsonNode report = sync();

		List<String> steps = report.get("steps").findValuesAsString("name");
		assertThat(steps).containsSubsequence("reconcile-ceremony", "reconcile-meeting", "reconcile-deadline",
				"reconcile-other");
		JsonNode ceremonies = step(report, "reconcile-ceremony");
		JsonNode others = step(report, "reconcile-other");
		assertThat(ceremonies.get("writeCount").asInt()).isEqualTo(1);
		assertThat(ceremonies.get("endedAt").asString()).isLessThanOrEqualTo(others.get("startedAt").asString());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldTakeAnOverriddenOccurrenceEditedOnAPhoneEverywhere(CalDavTestServer server) {
		given(server);
		String lessons = event("MEETING", "Dance lesson", "Studio", "2027-03-01T18:00", "2027-03-01T19:00",
				"recurrenceRule", "FREQ=WEEKLY;COUNT=6");
		sync();

		// The phone moves the third lesson (15 March, 18:00 GMT) to Tuesday 19:00.
		editOnPhone("couple", "Dance lesson", (ics) -> ics.replace("END:VCALENDAR", """
				BEGIN:VEVENT\r
				UID:%s\r
				DTSTAMP:20270101T000000Z\r
				RECURRENCE-ID;TZID=Europe/London:20270315T180000\r
				DTSTART;TZID=Europe/London:20270316T190000\r
				DTEND;TZID=Europe/London:20270316T200000\r
				SUMMARY:Dance lesson (Tuesday)\r
				END:VEVENT\r
				END:VCALENDAR""".formatted(copy("couple", "Dance lesson").uid())));
		sync();

		JsonNode overrides = this.api.get("/api/events/" + lessons)
			.expect(200)
			.body()
			.get("recurrence")
			.get("overrides");
		assertThat(overrides.findValuesAsString("recurrenceId")).containsExactly("2027-03-15T18:00:00Z");
		for (String calendar : List.of("planner", "vendor")) {
			CalendarObject copy = copy(calendar, "Dance lesson");
			assertThat(copy.overrides()).as(calendar).hasSize(1);
			assertThat(copy.overrides().get(0).timing().start()).hasToString("2027-03-16T19:00:00Z");
			assertThat(copy.overrides().get(0).summary()).isEqualTo("Dance lesson (Tuesday)");
		}
		assertNoWritesOnNextSync();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldBringBackAnEventDeletedOnThePlatformButEditedOnAPhone(CalDavTestServer server) {
		given(server);
		String meeting = event("MEETING", "Hair trial", "Salon", "2027-05-10T09:00", "2027-05-10T10:00");
		sync();

		this.api.delete("/api/events/" + meeting).expect(204);
		editOnPhone("couple", "Hair trial", (ics) -> ics.replace("LOCATION:Salon", "LOCATION:At home"));
		sync();

		JsonNode event = this.api.get("/api/events/" + meeting).expect(200).body();
		assertThat(event.get("deleted").asBoolean()).isFalse();
		assertThat(event.get("location").asString()).isEqualTo("At home");
		assertThat(copy("planner", "Hair trial").location()).isEqualTo("At home");
		assertNoWritesOnNextSync();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldLinkACopyMadeOnAPhoneInsteadOfImportingItTwice(CalDavTestServer server) {
		given(server);
		String ceremony = event("CEREMONY", "Ceremony", "St Mary's", "2027-06-12T14:00", "2027-06-12T15:00");
		// The vendor typed the ceremony into a calendar before it was shared with them.
		this.api.delete("/api/weddings/" + this.wedding + "/participants/" + calendarId("vendor")).expect(204);
		this.server.putEvent(this.calendars.get("vendor"), "typed-by-hand.ics", """
				BEGIN:VCALENDAR\r
				VERSION:2.0\r
				PRODID:-//Apple Inc.//iPhone OS 17.4//EN\r
				BEGIN:VEVENT\r
				UID:typed-by-hand@example.com\r
				DTSTAMP:20270101T000000Z\r
				DTSTART;TZID=Europe/London:20270612T140000\r
				DTEND;TZID=Europe/London:20270612T150000\r
				SUMMARY:Ceremony\r
				LOCATION:St Mary's\r
				BEGIN:VALARM\r
				ACTION:DISPLAY\r
				DESCRIPTION:Leave now\r
				TRIGGER:-PT1H\r
				END:VALARM\r
				END:VEVENT\r
				END:VCALENDAR\r
				""");
		participant("vendor", "VENDOR", List.of("CEREMONY", "MEETING"));

		sync();

		assertThat(summaries("vendor")).containsExactly("Ceremony");
		assertThat(this.server.getEvent(href("vendor", "Ceremony"))).contains("TRIGGER:-PT1H");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM wedding_event WHERE tenant_id = 'tenant-w'",
				Integer.class))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM event_link l JOIN wedding_event e ON e.id = "
				+ "l.event_id WHERE e.id = CAST(? AS UUID)", Integer.class, ceremony))
			.isEqualTo(3);
		assertNoWritesOnNextSync();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldStopACalendarThatSuddenlyLostMostEventsUntilAnOperatorConfirms(CalDavTestServer server) {
		given(server);
		for (int i = 1; i <= 6; i++) {
			event("MEETING", "Meeting " + i, null, "2027-04-0%dT10:00".formatted(i), "2027-04-0%dT11:00".formatted(i));
		}
		sync();
		for (URI href : this.server.events(this.calendars.get("couple")).keySet()) {
			this.server.deleteEvent(href);
		}

		JsonNode guarded = sync();

		assertThat(guarded.get("counts").get("deleted").asInt()).isZero();
		assertThat(summaries("planner")).hasSize(6);
		String couple = calendarId("couple");
		JsonNode calendar = this.api.get("/api/integrations/" + this.integration)
			.expect(200)
			.body()
			.get("calendars")
			.valueStream()
			.filter((c) -> c.get("id").asString().equals(couple))
			.findFirst()
			.orElseThrow();
		assertThat(calendar.get("status").asString()).isEqualTo("GUARDED");
		assertThat(calendar.get("statusDetail").asString()).contains("6 of 6").contains("confirm-deletions");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM wedding_event WHERE deleted = FALSE", Integer.class))
			.isEqualTo(6);

		this.api.post("/api/calendars/" + couple + "/confirm-deletions", Map.of()).expect(200);
		sync();

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM wedding_event WHERE deleted = FALSE", Integer.class))
			.isZero();
		assertThat(summaries("planner")).isEmpty();
		assertThat(summaries("vendor")).isEmpty();
	}

	// --- given: a wedding with three participant calendars on one account

	private void given(CalDavTestServer server) {
		this.server = server;
		server.removeAllCalendars();
		for (String name : List.of("planner", "couple", "vendor")) {
			this.calendars.put(name, server.createCalendar(name + "-" + UUID.randomUUID().toString().substring(0, 6)));
		}
		this.integration = this.api.connect(server, "tenant-w");
		sync();
		this.wedding = this.api
			.post("/api/weddings", Map.of("tenantId", "tenant-w", "title", "Alice & Ben", "weddingDate", "2027-06-12",
					"timeZone", "Europe/London"))
			.expect(201)
			.body()
			.get("id")
			.asString();
		participant("planner", "PLANNER", List.of("CEREMONY", "MEETING", "DEADLINE", "OTHER"));
		participant("couple", "COUPLE", List.of("CEREMONY", "MEETING", "DEADLINE", "OTHER"));
		participant("vendor", "VENDOR", List.of("CEREMONY", "MEETING"));
	}

	private void participant(String calendar, String role, List<String> kinds) {
		this.api
			.post("/api/weddings/" + this.wedding + "/participants",
					Map.of("calendarId", calendarId(calendar), "role", role, "kinds", kinds))
			.expect(201);
	}

	private String calendarId(String name) {
		URI href = this.calendars.get(name);
		return this.jdbc.queryForObject("SELECT id FROM calendar WHERE integration_id = ? AND href = ?", String.class,
				this.integration, href.toString());
	}

	private String event(String kind, String summary, String location, String start, String end, Object... extra) {
		Map<String, Object> body = new HashMap<>();
		body.put("kind", kind);
		body.put("summary", summary);
		if (location != null) {
			body.put("location", location);
		}
		body.put("start", start);
		body.put("end", end);
		for (int i = 0; i < extra.length; i += 2) {
			body.put((String) extra[i], extra[i + 1]);
		}
		return this.api.post("/api/weddings/" + this.wedding + "/events", body).expect(201).body().get("id").asString();
	}

	private JsonNode sync() {
		JsonNode report = this.api.syncAndWait(this.integration);
		assertThat(report.get("status").asString()).as(report.toString()).isEqualTo("COMPLETED");
		return report;
	}

	private void assertNoWritesOnNextSync() {
		double before = writes();
		JsonNode report = sync();
		assertThat(writes() - before).as("PUT/DELETE requests of a sync after convergence").isZero();
		assertThat(report.get("counts").get("conflicts").asInt()).isZero();
	}

	private double writes() {
		return CalDavWrites.sent(this.meters);
	}

	// --- the calendars as a phone sees them

	private List<String> summaries(String calendar) {
		return this.server.events(this.calendars.get(calendar))
			.values()
			.stream()
			.map((ics) -> this.parser.parse(ics).summary())
			.toList();
	}

	private CalendarObject copy(String calendar, String summary) {
		return this.parser.parse(this.server.events(this.calendars.get(calendar)).get(href(calendar, summary)));
	}

	private URI href(String calendar, String summary) {
		return this.server.events(this.calendars.get(calendar))
			.entrySet()
			.stream()
			.filter((e) -> summary.equals(this.parser.parse(e.getValue()).summary()))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow(() -> new AssertionError(calendar + " has no event '" + summary + "'"));
	}

	private void editOnPhone(String calendar, String summary, UnaryOperator<String> edit) {
		URI href = href(calendar, summary);
		String edited = edit.apply(this.server.getEvent(href));
		this.server.putEvent(this.calendars.get(calendar),
				href.getPath().substring(href.getPath().lastIndexOf('/') + 1), edited);
	}

	private static JsonNode step(JsonNode report, String name) {
		for (JsonNode step : report.get("steps")) {
			if (step.get("name").asString().equals(name)) {
				return step;
			}
		}
		throw new AssertionError("no step " + name + " in " + report);
	}

}
