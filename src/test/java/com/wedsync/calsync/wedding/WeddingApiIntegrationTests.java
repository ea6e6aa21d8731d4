package com.wedsync.calsync.wedding;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.caldav.RemoteCalendar;
import com.wedsync.calsync.ical.CalendarObject;
import com.wedsync.calsync.ical.CalendarObjectParser;
import com.wedsync.calsync.ical.ContentHash;
import com.wedsync.calsync.ical.EventKind;
import com.wedsync.calsync.ical.EventOverride;
import com.wedsync.calsync.ical.EventTiming;
import com.wedsync.calsync.integration.CalendarRepository;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.integration.Provider;
import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.support.CalSyncApi.Response;
import com.wedsync.calsync.sync.outbox.OutboxEntry;
import com.wedsync.calsync.sync.outbox.SyncOutbox;
import com.wedsync.calsync.sync.status.EventLinkRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The weddings API over HTTP on PostgreSQL: what a client may send, what is stored, and
 * which calendars the outbox sends each platform change to.
 */
@ApplicationTest
class WeddingApiIntegrationTests {

	private static final String TENANT = "acme-weddings";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IntegrationRepository integrations;

	@Autowired
	CalendarRepository calendars;

	@Autowired
	EventLinkRepository links;

	@Autowired
	SyncOutbox outbox;

	@Autowired
	WeddingEventRepository events;

	@Autowired
	CalendarObjectParser parser;

	CalSyncApi api;

	UUID planner;

	UUID couple;

	UUID vendor;

	@BeforeEach
	void setUp() {
		this.api = new CalSyncApi(this.port);
		List<UUID> ids = calendarsOf(TENANT, "planner", "couple", "vendor");
		this.planner = ids.get(0);
		this.couple = ids.get(1);
		this.vendor = ids.get(2);
	}

	@Test
	void shouldCreateAWeddingWithParticipantsAndEvents() {
		UUID wedding = wedding();
		addParticipant(wedding, this.planner, "PLANNER", null);
		addParticipant(wedding, this.vendor, "VENDOR", List.of("MEETING"));

		Response created = this.api.post("/api/weddings/" + wedding + "/events", ceremony());

		created.expect(201);
		JsonNode event = created.body();
		UUID id = id(created);
		assertThat(event.get("uid").asString()).matches("[0-9a-f-]{36}@wedsync\\.app");
		assertThat(event.get("kind").asString()).isEqualTo("CEREMONY");
		assertThat(event.get("start").asString()).isEqualTo("2026-06-20T14:00:00Z");
		assertThat(event.get("end").asString()).isEqualTo("2026-06-20T15:00:00Z");
		assertThat(event.get("timeZone").asString()).isEqualTo("Europe/London");
		assertThat(event.get("version").asLong()).isEqualTo(1);
		assertThat(event.get("deleted").asBoolean()).isFalse();
		WeddingEvent stored = this.events.find(id).orElseThrow();
		assertThat(stored.weddingId()).isEqualTo(wedding);
		assertThat(stored.tenantId()).isEqualTo(TENANT);
		assertThat(stored.contentHash()).isEqualTo(ContentHash.of(stored.icalendar()));
		JsonNode read = this.api.get("/api/weddings/" + wedding).expect(200).body();
		assertThat(read.get("participants").findValuesAsString("calendarId"))
			.containsExactlyInAnyOrder(this.planner.toString(), this.vendor.toString());
		assertThat(this.api.get("/api/weddings/" + wedding + "/events").expect(200).body().findValuesAsString("id"))
			.containsExactly(id.toString());
		// the vendor shows meetings only
		assertThat(outboxCalendars(id)).containsExactly(this.planner);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidEvents")
	void shouldRefuseAnInvalidEventNamingTheFieldAndStoreNothing(String problem, Map<String, Object> change,
			String field) {
		UUID wedding = wedding();
		UUID otherWeddingEvent = id(this.api.post("/api/weddings/" + wedding() + "/events", ceremony()).expect(201));
		Map<String, Object> body = new HashMap<>(ceremony());
		change.forEach((key, value) -> body.put(key, "OTHER_WEDDING_EVENT".equals(value)
				? Map.of("eventId", otherWeddingEvent.toString(), "offsetMinutes", -120) : value));

		Response refused = this.api.post("/api/weddings/" + wedding + "/events", body);

		refused.expect(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.body().get("errors").findValuesAsString("field")).contains(field);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM wedding_event WHERE wedding_id = ?", Integer.class,
				wedding))
			.isZero();
	}

	static Stream<Arguments> invalidEvents() {
		return Stream
			.of(Arguments.of("end before start", Map.of("end", "2026-06-20T14:00"), "end"),
					Arguments.of("unknown zone", Map.of("timeZone", "Mars/Base"), "timeZone"),
					Arguments.of("unknown kind", Map.of("kind", "PARTY"), "kind"),
					Arguments.of("bad RRULE", Map.of("recurrenceRule", "FREQ=SOMETIMES"), "recurrenceRule"),
					Arguments.of("anchor in another wedding", Map.of("anchor", "OTHER_WEDDING_EVENT"),
							"anchor.eventId"),
					Arguments.of("summary too long", Map.of("summary", "x".repeat(2001)), "summary"),
					Arguments.of("no summary", Map.of("summary", " "), "summary"),
					Arguments.of("date-time for all-day", Map.of("allDay", true), "start"),
					Arguments.of("unknown status", Map.of("status", "MAYBE"), "status"),
					Arguments.of("not a link", Map.of("url", "javascript:alert(1)"), "url"),
					Arguments.of("unknown transparency", Map.of("transparency", "SEE-THROUGH"), "transparency"),
					Arguments.of("unknown classification", Map.of("classification", "SECRET"), "classification"),
					Arguments.of("exclusion of a single event", Map.of("exclusions", List.of("2026-06-27T14:00")),
							"exclusions"),
					Arguments.of("exclusion not a time",
							Map.of("recurrenceRule", "FREQ=WEEKLY", "exclusions", List.of("next week")), "exclusions"),
					Arguments.of("null addition", Map.of("additions", Arrays.asList((Object) null)), "additions"),
					Arguments.of(
							"unknown override status", Map
								.of("recurrenceRule", "FREQ=WEEKLY", "overrides",
										List.of(Map.of("recurrenceId", "2026-06-27T14:00", "start", "2026-06-27T15:00",
												"end", "2026-06-27T16:00", "status", "POSTPONED"))),
							"overrides.status"));
	}

	@Test
	void shouldRefuseAnUnknownCalendarAndOneOfAnotherTenant() {
		UUID wedding = wedding();
		UUID foreign = calendarsOf("other-tenant", "theirs").get(0);

		Response unknown = this.api.post("/api/weddings/" + wedding + "/participants",
				Map.of("calendarId", UUID.randomUUID().toString(), "role", "VENDOR"));
		Response otherTenant = this.api.post("/api/weddings/" + wedding + "/participants",
				Map.of("calendarId", foreign.toString(), "role", "VENDOR"));
		Response badRole = this.api.post("/api/weddings/" + wedding + "/participants",
				Map.of("calendarId", this.vendor.toString(), "role", "FRIEND"));

		assertThat(unknown.expect(400).body().get("errors").findValuesAsString("field")).containsExactly("calendarId");
		assertThat(otherTenant.expect(409).contentType()).startsWith("application/problem+json");
		assertThat(badRole.expect(400).body().get("errors").findValuesAsString("field")).containsExactly("role");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM participant", Integer.class)).isZero();
	}

	@Test
	void shouldMoveAnchoredEventsWithTheCeremonyAndOutboxEveryCalendarThatShowsThem() {
		UUID wedding = wedding();
		addParticipant(wedding, this.planner, "PLANNER", null);
		addParticipant(wedding, this.couple, "COUPLE", null);
		addParticipant(wedding, this.vendor, "VENDOR", List.of("MEETING"));
		UUID ceremony = id(this.api.post("/api/weddings/" + wedding + "/events", ceremony()).expect(201));
		Map<String, Object> arrival = Map.of("kind", "MEETING", "summary", "Florist arrives", "start",
				"2026-06-20T09:00", "end", "2026-06-20T09:30", "anchor",
				Map.of("eventId", ceremony.toString(), "offsetMinutes", -120));
		JsonNode anchored = this.api.post("/api/weddings/" + wedding + "/events", arrival).expect(201).body();
		UUID arrivalId = UUID.fromString(anchored.get("id").asString());
		// placed by its anchor, 2 h before the ceremony, with its own 30 minutes
		assertThat(anchored.get("start").asString()).isEqualTo("2026-06-20T12:00:00Z");
		assertThat(anchored.get("end").asString()).isEqualTo("2026-06-20T12:30:00Z");
		this.jdbc.update("DELETE FROM sync_outbox");

		JsonNode moved = this.api
			.patch("/api/events/" + ceremony, Map.of("start", "2026-06-20T16:30", "end", "2026-06-20T17:30"))
			.expect(200)
			.body();

		assertThat(moved.get("start").asString()).isEqualTo("2026-06-20T15:30:00Z");
		assertThat(moved.get("version").asLong()).isEqualTo(2);
		WeddingEvent follower = this.events.find(arrivalId).orElseThrow();
		assertThat(follower.timing().start()).isEqualTo(Instant.parse("2026-06-20T13:30:00Z"));
		assertThat(follower.timing().end()).isEqualTo(Instant.parse("2026-06-20T14:00:00Z"));
		assertThat(follower.version()).isEqualTo(2);
		assertThat(follower.anchor().offset().toMinutes()).isEqualTo(-120);
		assertThat(this.parser.parse(follower.icalendar()).timing()).isEqualTo(follower.timing());
		assertThat(follower.contentHash()).isEqualTo(ContentHash.of(follower.icalendar()));
		assertThat(outboxCalendars(ceremony)).containsExactlyInAnyOrder(this.planner, this.couple);
		assertThat(outboxCalendars(arrivalId)).containsExactlyInAnyOrder(this.planner, this.couple, this.vendor);
	}

	@Test
	void shouldKeepAnAnchorAtTheNewDistanceAndRefuseCycles() {
		UUID wedding = wedding();
		UUID ceremony = id(this.api.post("/api/weddings/" + wedding + "/events", ceremony()).expect(201));
		UUID arrival = id(this.api.post("/api/weddings/" + wedding + "/events",
				Map.of("kind", "OTHER", "summary", "Florist arrives", "start", "2026-06-20T09:00", "end",
						"2026-06-20T09:30", "anchor", Map.of("eventId", ceremony.toString(), "offsetMinutes", -120)))
			.expect(201));

		JsonNode earlier = this.api.patch("/api/events/" + arrival, Map.of("start", "2026-06-20T12:00"))
			.expect(200)
			.body();
		Response cycle = this.api.patch("/api/events/" + ceremony,
				Map.of("anchor", Map.of("eventId", arrival.toString(), "offsetMinutes", 60)));

		assertThat(earlier.get("anchor").get("offsetMinutes").asLong()).isEqualTo(-180);
		assertThat(cycle.expect(400).body().get("errors").findValuesAsString("field"))
			.containsExactly("anchor.eventId");
		assertThat(this.events.find(ceremony).orElseThrow().version()).isEqualTo(1);
	}

	@Test
	void shouldOutboxOnlyTheKindsAParticipantShows() {
		UUID wedding = wedding();
		addParticipant(wedding, this.planner, "PLANNER", null);
		addParticipant(wedding, this.vendor, "VENDOR", List.of("MEETING"));

		UUID deadline = id(
				this.api
					.post("/api/weddings/" + wedding + "/events",
							Map.of("kind", "DEADLINE", "summary", "Final numbers to caterer", "start", "2026-06-01",
									"end", "2026-06-02", "allDay", true))
					.expect(201));
		UUID meeting = id(this.api
			.post("/api/weddings/" + wedding + "/events", Map.of("kind", "MEETING", "summary", "Tasting", "start",
					"2026-05-10T11:00", "end", "2026-05-10T12:00"))
			.expect(201));

		assertThat(outboxCalendars(deadline)).containsExactly(this.planner);
		assertThat(outboxCalendars(meeting)).containsExactlyInAnyOrder(this.planner, this.vendor);
		WeddingEvent allDay = this.events.find(deadline).orElseThrow();
		assertThat(allDay.timing()).isEqualTo(new EventTiming(Instant.parse("2026-06-01T00:00:00Z"),
				Instant.parse("2026-06-02T00:00:00Z"), null, true, false));

		// a participant added later gets every live event it shows, and only those
		this.api.delete("/api/events/" + meeting).expect(204);
		addParticipant(wedding, this.couple, "COUPLE", List.of("DEADLINE", "MEETING"));
		assertThat(this.outbox.findByCalendar(this.couple)).extracting(OutboxEntry::eventId).containsExactly(deadline);
		// a second change before the sync is one row
		this.api.patch("/api/events/" + deadline, Map.of("summary", "Final numbers!")).expect(200);
		assertThat(this.outbox.findByEvent(deadline)).hasSize(2);
	}

	@Test
	void shouldSoftDeleteAndOutboxEveryCalendarThatHoldsTheEvent() {
		UUID wedding = wedding();
		addParticipant(wedding, this.planner, "PLANNER", null);
		UUID meeting = id(this.api
			.post("/api/weddings/" + wedding + "/events", Map.of("kind", "MEETING", "summary", "Tasting", "start",
					"2026-05-10T11:00", "end", "2026-05-10T12:00"))
			.expect(201));
		WeddingEvent created = this.events.find(meeting).orElseThrow();
		// the vendor's calendar holds a copy, though the vendor is no participant
		this.links.insert(meeting, this.vendor, URI.create("/cal/vendor/tasting.ics"), "\"e1\"", created.contentHash(),
				created.icalendar(), 1);
		this.jdbc.update("DELETE FROM sync_outbox");

		this.api.delete("/api/events/" + meeting).expect(204);

		WeddingEvent deleted = this.events.find(meeting).orElseThrow();
		assertThat(deleted.deleted()).isTrue();
		assertThat(deleted.version()).isEqualTo(2);
		assertThat(outboxCalendars(meeting)).containsExactlyInAnyOrder(this.planner, this.vendor);
		assertThat(this.api.get("/api/weddings/" + wedding + "/events").expect(200).body()).isEmpty();
		assertThat(this.api.patch("/api/events/" + meeting, Map.of("summary", "Tasting 2")).status()).isEqualTo(409);
		this.api.delete("/api/events/" + meeting).expect(204);
		assertThat(this.events.find(meeting).orElseThrow().version()).isEqualTo(2);
	}

	@Test
	void shouldCarryExclusionsAdditionsOverridePlacesAndStatusesThroughCreateAndPatch() {
		UUID wedding = wedding();
		Map<String, Object> lessons = new HashMap<>(Map.of("kind", "MEETING", "summary", "Dance lesson", "location",
				"Studio", "start", "2026-05-04T18:00", "end", "2026-05-04T19:00", "recurrenceRule",
				"FREQ=WEEKLY;COUNT=6", "exclusions", List.of("2026-05-11T18:00"), "additions",
				List.of("2026-06-20T11:00"), "url", "https://zoom.us/j/123456789"));
		lessons.put("overrides", List.of(Map.of("recurrenceId", "2026-05-18T18:00", "start", "2026-05-19T19:00", "end",
				"2026-05-19T20:00", "location", "Village hall", "status", "tentative")));
		lessons.put("transparency", "TRANSPARENT");
		lessons.put("classification", "PRIVATE");

		JsonNode created = this.api.post("/api/weddings/" + wedding + "/events", lessons).expect(201).body();

		JsonNode recurrence = created.get("recurrence");
		// London is on BST in May and June: 18:00 local is 17:00 UTC
		assertThat(recurrence.get("exclusions").valueStream().map(JsonNode::asString))
			.containsExactly("2026-05-11T17:00:00Z");
		assertThat(recurrence.get("additions").valueStream().map(JsonNode::asString))
			.containsExactly("2026-06-20T10:00:00Z");
		JsonNode override = recurrence.get("overrides").get(0);
		assertThat(override.get("location").asString()).isEqualTo("Village hall");
		assertThat(override.get("status").asString()).isEqualTo("TENTATIVE");
		// left out, the override's summary is the series'
		assertThat(override.get("summary").asString()).isEqualTo("Dance lesson");
		assertThat(created.get("url").asString()).isEqualTo("https://zoom.us/j/123456789");
		assertThat(created.get("transparency").asString()).isEqualTo("TRANSPARENT");
		assertThat(created.get("classification").asString()).isEqualTo("PRIVATE");
		UUID id = UUID.fromString(created.get("id").asString());
		CalendarObject stored = this.parser.parse(this.events.find(id).orElseThrow().icalendar());
		assertThat(stored.fields().exclusions()).containsExactly("2026-05-11T17:00:00Z");
		assertThat(stored.fields().url()).isEqualTo("https://zoom.us/j/123456789");

		JsonNode patched = this.api
			.patch("/api/events/" + id,
					Map.of("exclusions", List.of("2026-05-11T18:00", "2026-05-25T18:00"), "status", "CANCELLED", "url",
							"", "classification", "PUBLIC"))
			.expect(200)
			.body();

		assertThat(patched.get("recurrence").get("exclusions").valueStream().map(JsonNode::asString))
			.containsExactly("2026-05-11T17:00:00Z", "2026-05-25T17:00:00Z");
		assertThat(patched.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(patched.hasNonNull("url")).isFalse();
		assertThat(patched.get("classification").asString()).isEqualTo("PUBLIC");
		assertThat(patched.get("transparency").asString()).isEqualTo("TRANSPARENT");
		assertThat(patched.get("recurrence").get("overrides").get(0).get("location").asString())
			.isEqualTo("Village hall");
	}

	@Test
	void shouldRenderABodyThatParsesBackToTheSameFields() {
		UUID wedding = wedding();
		Map<String, Object> recurring = Map.of("kind", "MEETING", "summary", "Weekly planning", "location", "Studio 4",
				"description", "Bring the seating plan", "start", "2026-05-06T18:00", "end", "2026-05-06T19:00",
				"timeZone", "America/New_York", "recurrenceRule", "FREQ=WEEKLY;COUNT=4", "overrides",
				List.of(Map.of("recurrenceId", "2026-05-13T18:00", "start", "2026-05-13T19:00", "end",
						"2026-05-13T20:00", "summary", "Planning, later")));

		JsonNode response = this.api.post("/api/weddings/" + wedding + "/events", recurring).expect(201).body();

		WeddingEvent stored = this.events.find(UUID.fromString(response.get("id").asString())).orElseThrow();
		CalendarObject parsed = this.parser.parse(stored.icalendar());
		assertThat(parsed.uid()).isEqualTo(stored.uid());
		assertThat(parsed.kind()).isEqualTo(EventKind.MEETING);
		assertThat(parsed.fields()).isEqualTo(this.events.find(stored.id()).orElseThrow().fields(parsed.fields()));
		assertThat(parsed.timing()).isEqualTo(new EventTiming(Instant.parse("2026-05-06T22:00:00Z"),
				Instant.parse("2026-05-06T23:00:00Z"), "America/New_York", false, false));
		assertThat(parsed.overrides()).extracting(EventOverride::recurrenceId, EventOverride::summary)
			.containsExactly(tuple("2026-05-13T22:00:00Z", "Planning, later"));
		assertThat(parsed.overrides().get(0).timing().start()).isEqualTo(Instant.parse("2026-05-13T23:00:00Z"));
		assertThat(response.get("recurrence").get("rule").asString()).isEqualTo(parsed.recurrenceRule());
		assertThat(response.get("recurrence").get("overrides")).hasSize(1);
	}

	@Test
	void shouldKeepWhatTheCalendarAddedWhenThePlatformChangesTheEvent() {
		UUID wedding = wedding();
		UUID ceremony = id(this.api.post("/api/weddings/" + wedding + "/events", ceremony()).expect(201));
		WeddingEvent created = this.events.find(ceremony).orElseThrow();
		String withAlarm = created.icalendar()
			.replace("END:VEVENT", "X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\n"
					+ "DESCRIPTION:Reminder\r\nTRIGGER:-PT30M\r\nEND:VALARM\r\nEND:VEVENT");
		this.jdbc.update("UPDATE wedding_event SET ics = ? WHERE id = ?", withAlarm, ceremony);

		JsonNode patched = this.api.patch("/api/events/" + ceremony, Map.of("location", "Rose Garden"))
			.expect(200)
			.body();

		WeddingEvent updated = this.events.find(ceremony).orElseThrow();
		assertThat(patched.get("location").asString()).isEqualTo("Rose Garden");
		assertThat(updated.version()).isEqualTo(2);
		assertThat(updated.updatedAt()).isAfterOrEqualTo(created.updatedAt());
		assertThat(updated.icalendar()).contains("X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC", "BEGIN:VALARM")
			.containsPattern("LOCATION:Rose Garden");
		assertThat(this.parser.parse(updated.icalendar()).location()).isEqualTo("Rose Garden");
		assertThat(updated.contentHash()).isEqualTo(ContentHash.of(updated.icalendar()));
	}

	@Test
	void shouldAnswerUnknownWeddingsEventsAndParticipantsWith404() {
		UUID unknown = UUID.randomUUID();
		UUID wedding = wedding();

		List<Response> responses = List.of(this.api.get("/api/weddings/" + unknown),
				this.api.get("/api/weddings/" + unknown + "/events"),
				this.api.post("/api/weddings/" + unknown + "/events", ceremony()),
				this.api.patch("/api/events/" + unknown, Map.of("summary", "x")),
				this.api.delete("/api/events/" + unknown),
				this.api.post("/api/weddings/" + unknown + "/participants",
						Map.of("calendarId", this.planner.toString(), "role", "PLANNER")),
				this.api.delete("/api/weddings/" + wedding + "/participants/" + this.planner));

		assertThat(responses).allSatisfy((response) -> {
			assertThat(response.status()).as(response.text()).isEqualTo(404);
			assertThat(response.contentType()).startsWith("application/problem+json");
		});
	}

	@Test
	void shouldRefuseAWeddingInAnUnknownZone() {
		Response refused = this.api.post("/api/weddings",
				Map.of("tenantId", TENANT, "title", "A & B", "weddingDate", "2026-06-20", "timeZone", "Mars/Base"));

		assertThat(refused.expect(400).body().get("errors").findValuesAsString("field")).containsExactly("timeZone");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM wedding", Integer.class)).isZero();
	}

	@Test
	void shouldRemoveAParticipant() {
		UUID wedding = wedding();
		addParticipant(wedding, this.planner, "PLANNER", null);

		this.api.delete("/api/weddings/" + wedding + "/participants/" + this.planner).expect(204);

		assertThat(this.api.get("/api/weddings/" + wedding).expect(200).body().get("participants")).isEmpty();
	}

	private UUID wedding() {
		return id(this.api
			.post("/api/weddings", Map.of("tenantId", TENANT, "title", "Ada & Grace", "weddingDate", "2026-06-20",
					"timeZone", "Europe/London"))
			.expect(201));
	}

	private static Map<String, Object> ceremony() {
		return Map.of("kind", "CEREMONY", "summary", "Ceremony", "location", "St Mary's", "start", "2026-06-20T15:00",
				"end", "2026-06-20T16:00");
	}

	private void addParticipant(UUID wedding, UUID calendar, String role, List<String> kinds) {
		Map<String, Object> body = new HashMap<>(Map.of("calendarId", calendar.toString(), "role", role));
		if (kinds != null) {
			body.put("kinds", kinds);
		}
		this.api.post("/api/weddings/" + wedding + "/participants", body).expect(201);
	}

	private List<UUID> calendarsOf(String tenant, String... names) {
		UUID integration = this.integrations
			.create(tenant, Provider.CALDAV, URI.create("https://dav.example.com/"), tenant + "-user", "secret", 300)
			.id();
		List<RemoteCalendar> listed = Stream.of(names)
			.map((name) -> new RemoteCalendar(URI.create("/cal/" + tenant + "/" + name + "/"), name, null, "c1", null,
					Set.of("VEVENT"), true))
			.toList();
		this.calendars.recordListing(integration, listed);
		return Stream.of(names)
			.map((name) -> this.calendars.findByIntegration(integration)
				.stream()
				.filter((calendar) -> calendar.displayName().equals(name))
				.findFirst()
				.orElseThrow()
				.id())
			.toList();
	}

	private List<UUID> outboxCalendars(UUID eventId) {
		return this.outbox.findByEvent(eventId).stream().map(OutboxEntry::calendarId).toList();
	}

	private static UUID id(Response response) {
		return UUID.fromString(response.body().get("id").asString());
	}

}
