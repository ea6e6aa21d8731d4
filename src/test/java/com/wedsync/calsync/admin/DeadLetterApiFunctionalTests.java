package com.wedsync.calsync.admin;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.observability.CalSyncMetrics;
import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.support.CalSyncApi.Response;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator does with a dead letter, through the API, against a real Radicale: an
 * event over calsync's 1 MiB parser limit is parked by a sync; it is listed, read,
 * replayed (still bad: open again with one more attempt; fixed on the server: resolved
 * and imported) and discarded; several malformed events among many good ones (two with
 * time zones calsync does not know, one too large) are parked each with its own reason,
 * and resolved by replays once fixed.
 */
@ApplicationTest
class DeadLetterApiFunctionalTests {

	private static final String BAD_UID = "bad@dead-letters.example";

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	CalSyncApi api;

	CalDavTestServer server;

	URI calendar;

	@BeforeEach
	void setUp() {
		this.api = new CalSyncApi(this.port);
		this.server = CalDavTestServers.radicale();
		this.server.removeAllCalendars();
		this.calendar = this.server.createCalendar("dead-letters");
	}

	@Test
	void shouldListAnUnreadableEventAsOpenAndShowItsPayloadOnlyOnItsOwn() {
		double createdBefore = created();
		UUID integration = parkUnreadableEvent();

		JsonNode open = this.api.get("/api/dead-letters?status=OPEN").expect(200).body();

		assertThat(open).hasSize(1);
		JsonNode letter = open.get(0);
		assertThat(letter.get("integrationId").asString()).isEqualTo(integration.toString());
		assertThat(letter.get("calendarId").isNull()).isFalse();
		assertThat(letter.get("href").asString()).endsWith("/bad.ics");
		assertThat(letter.get("step").asString()).isEqualTo("fetchRemote");
		assertThat(letter.get("errorClass").asString()).endsWith("InvalidICalendarException");
		assertThat(letter.get("errorMessage").asString()).containsIgnoringCase("limit");
		assertThat(letter.get("attempts").asInt()).isEqualTo(1);
		assertThat(letter.get("status").asString()).isEqualTo("OPEN");
		assertThat(letter.get("firstFailedAt").isNull()).isFalse();
		assertThat(letter.get("lastFailedAt").isNull()).isFalse();
		assertThat(letter.has("payload")).isFalse();
		JsonNode details = this.api.get("/api/dead-letters/" + letter.get("id").asString()).expect(200).body();
		assertThat(details.get("payload").asString()).contains("UID:" + BAD_UID).hasSizeGreaterThan(1024 * 1024);
		assertThat(details.get("href").asString()).isEqualTo(letter.get("href").asString());
		assertThat(this.api.get("/api/dead-letters?integrationId=" + integration).expect(200).body()).hasSize(1);
		assertThat(this.api.get("/api/dead-letters?integrationId=" + UUID.randomUUID()).expect(200).body()).isEmpty();
		assertThat(this.api.get("/api/dead-letters?status=resolved").expect(200).body()).isEmpty();
		assertThat(created() - createdBefore).isEqualTo(1);
		assertThat(openGauge()).isEqualTo(1);
	}

	@Test
	void shouldReopenWithAnotherAttemptWhenTheReplayedEventIsStillUnreadable() {
		UUID integration = parkUnreadableEvent();
		String id = onlyLetter(integration).get("id").asString();
		double createdBefore = created();

		JsonNode accepted = this.api.post("/api/dead-letters/" + id + "/replay", Map.of()).expect(202).body();

		assertThat(accepted.get("deadLetter").get("status").asString()).isEqualTo("REPLAYING");
		JsonNode sync = this.api.awaitEnd(accepted.get("syncId").asString());
		assertThat(sync.get("status").asString()).isEqualTo("COMPLETED");
		// the calendar did not change: only the replay put the resource back
		// into the sync
		assertThat(sync.get("counts").get("deadLettered").asInt()).isEqualTo(1);
		JsonNode letter = this.api.get("/api/dead-letters/" + id).expect(200).body();
		assertThat(letter.get("status").asString()).isEqualTo("OPEN");
		assertThat(letter.get("attempts").asInt()).isEqualTo(2);
		assertThat(this.api.get("/api/dead-letters").expect(200).body()).hasSize(1);
		assertThat(created()).isEqualTo(createdBefore);
		assertThat(events(letter.get("calendarId").asString())).doesNotContainKey(BAD_UID);
	}

	@Test
	void shouldResolveAndImportTheEventWhenReplayedAfterItWasFixedOnTheServer() {
		UUID integration = parkUnreadableEvent();
		JsonNode parked = onlyLetter(integration);
		this.server.putEvent(this.calendar, "bad.ics", event(BAD_UID, "Fixed on the phone", ""));

		JsonNode accepted = this.api.post("/api/dead-letters/" + parked.get("id").asString() + "/replay", Map.of())
			.expect(202)
			.body();
		JsonNode sync = this.api.awaitEnd(accepted.get("syncId").asString());

		assertThat(sync.get("status").asString()).isEqualTo("COMPLETED");
		JsonNode letter = this.api.get("/api/dead-letters/" + parked.get("id").asString()).expect(200).body();
		assertThat(letter.get("status").asString()).isEqualTo("RESOLVED");
		assertThat(letter.get("attempts").asInt()).isEqualTo(1);
		Map<String, JsonNode> events = events(parked.get("calendarId").asString());
		assertThat(events).containsKeys("good@dead-letters.example", BAD_UID);
		assertThat(events.get(BAD_UID).get("summary").asString()).isEqualTo("Fixed on the phone");
		assertThat(this.api.get("/api/dead-letters?status=OPEN").expect(200).body()).isEmpty();
		assertThat(openGauge()).isZero();
	}

	@Test
	void shouldDiscardAnOpenLetterAndRefuseToReplayOrDiscardItAgain() {
		UUID integration = parkUnreadableEvent();
		String id = onlyLetter(integration).get("id").asString();

		JsonNode discarded = this.api.post("/api/dead-letters/" + id + "/discard", Map.of()).expect(200).body();

		assertThat(discarded.get("status").asString()).isEqualTo("DISCARDED");
		Response replay = this.api.post("/api/dead-letters/" + id + "/replay", Map.of()).expect(409);
		assertThat(replay.contentType()).startsWith("application/problem+json");
		assertThat(replay.body().get("title").asString()).isEqualTo("Dead letter not open");
		assertThat(replay.body().get("detail").asString()).contains("DISCARDED");
		Response again = this.api.post("/api/dead-letters/" + id + "/discard", Map.of()).expect(409);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(this.api.get("/api/dead-letters/" + id).expect(200).body().get("status").asString())
			.isEqualTo("DISCARDED");
		assertThat(this.api.get("/api/dead-letters?status=DISCARDED").expect(200).body()).hasSize(1);
		assertThat(this.api.get("/api/dead-letters?status=OPEN").expect(200).body()).isEmpty();
		// the refused replay requested no sync
		assertThat(this.api.get("/api/syncs?integrationId=" + integration).expect(200).body()).hasSize(1);
	}

	@Test
	void shouldParkEachOfSeveralMalformedEventsWithItsReasonSyncTheRestAndResolveThemWhenFixed() {
		for (int i = 1; i <= 20; i++) {
			this.server.putEvent(this.calendar, "good-%02d.ics".formatted(i),
					event("good-%02d@dead-letters.example".formatted(i), "Good " + i, ""));
		}
		Map<String, String> malformed = Map.of( //
				"mars@dead-letters.example",
				event("mars@dead-letters.example", "Venue visit", "")
					.replace("DTSTART:20270610T100000Z", "DTSTART;TZID=Mars/Olympus_Mons:20270610T100000")
					.replace("DTEND:20270610T110000Z", "DTEND;TZID=Mars/Olympus_Mons:20270610T110000"),
				"atlantis@dead-letters.example",
				event("atlantis@dead-letters.example", "Moved rehearsal", "")
					.replace("DTSTART:20270610T100000Z", "DTSTART;TZID=Atlantis/Lost_City:20270610T100000")
					.replace("DTEND:20270610T110000Z", "DTEND;TZID=Atlantis/Lost_City:20270610T110000"),
				BAD_UID, event(BAD_UID, "Bad",
						"DESCRIPTION:" + "x".repeat(70) + "\r\n" + (" " + "x".repeat(70) + "\r\n").repeat(16_000)));
		malformed.forEach((uid, ics) -> this.server.putEvent(this.calendar, fileName(uid), ics));
		UUID integration = this.api.connect(this.server, "tenant-dead-letters");

		JsonNode sync = this.api.syncAndWait(integration);

		assertThat(sync.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(sync.get("counts").get("created").asInt()).isEqualTo(20);
		assertThat(sync.get("counts").get("deadLettered").asInt()).isEqualTo(3);
		Map<String, JsonNode> letters = new java.util.TreeMap<>();
		this.api.get("/api/dead-letters?integrationId=" + integration)
			.expect(200)
			.body()
			.forEach((letter) -> letters.put(letter.get("href").asString().replaceAll(".*/", ""), letter));
		assertThat(letters)
			.containsOnlyKeys(malformed.keySet().stream().map(DeadLetterApiFunctionalTests::fileName).toList());
		letters.values().forEach((letter) -> {
			assertThat(letter.get("status").asString()).isEqualTo("OPEN");
			assertThat(letter.get("errorClass").asString()).endsWith("InvalidICalendarException");
		});
		// a reason an operator can act on, for each
		assertThat(letters.get(fileName("mars@dead-letters.example")).get("errorMessage").asString())
			.contains("Mars/Olympus_Mons");
		assertThat(letters.get(fileName("atlantis@dead-letters.example")).get("errorMessage").asString())
			.contains("Atlantis/Lost_City");
		assertThat(letters.get(fileName(BAD_UID)).get("errorMessage").asString()).containsIgnoringCase("limit");
		String calendarId = letters.values().iterator().next().get("calendarId").asString();
		assertThat(events(calendarId)).hasSize(20).doesNotContainKeys(malformed.keySet().toArray(String[]::new));
		assertThat(openGauge()).isEqualTo(3);

		malformed.keySet()
			.forEach((uid) -> this.server.putEvent(this.calendar, fileName(uid), event(uid, "Fixed " + uid, "")));
		for (JsonNode letter : letters.values()) {
			JsonNode accepted = this.api.post("/api/dead-letters/" + letter.get("id").asString() + "/replay", Map.of())
				.expect(202)
				.body();
			assertThat(this.api.awaitEnd(accepted.get("syncId").asString()).get("status").asString())
				.isEqualTo("COMPLETED");
		}

		for (JsonNode letter : letters.values()) {
			assertThat(this.api.get("/api/dead-letters/" + letter.get("id").asString())
				.expect(200)
				.body()
				.get("status")
				.asString()).isEqualTo("RESOLVED");
		}
		Map<String, JsonNode> events = events(calendarId);
		assertThat(events).hasSize(23).containsKeys(malformed.keySet().toArray(String[]::new));
		malformed.keySet()
			.forEach((uid) -> assertThat(events.get(uid).get("summary").asString()).isEqualTo("Fixed " + uid));
		assertThat(this.api.get("/api/dead-letters?status=OPEN").expect(200).body()).isEmpty();
		assertThat(openGauge()).isZero();
	}

	private static String fileName(String uid) {
		return uid.substring(0, uid.indexOf('@')) + ".ics";
	}

	@Test
	void shouldAnswerNotFoundProblemForAnUnknownLetter() {
		String unknown = "/api/dead-letters/" + UUID.randomUUID();

		for (Response response : new Response[] { this.api.get(unknown), this.api.post(unknown + "/replay", Map.of()),
				this.api.post(unknown + "/discard", Map.of()) }) {
			response.expect(404);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.body().get("title").asString()).isEqualTo("Dead letter not found");
		}
	}

	@Test
	void shouldAnswerBadRequestProblemForAnUnknownStatus() {
		Response response = this.api.get("/api/dead-letters?status=LOST").expect(400);

		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().get("detail").asString()).contains("LOST").contains("OPEN");
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("status");
	}

	/** A good event and one calsync refuses (over its 1 MiB limit), synced once. */
	private UUID parkUnreadableEvent() {
		this.server.putEvent(this.calendar, "good.ics", event("good@dead-letters.example", "Good", ""));
		String huge = "DESCRIPTION:" + "x".repeat(70) + "\r\n" + (" " + "x".repeat(70) + "\r\n").repeat(16_000);
		this.server.putEvent(this.calendar, "bad.ics", event(BAD_UID, "Bad", huge));
		UUID integration = this.api.connect(this.server, "tenant-dead-letters");
		JsonNode sync = this.api.syncAndWait(integration);
		assertThat(sync.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(sync.get("counts").get("deadLettered").asInt()).isEqualTo(1);
		return integration;
	}

	private JsonNode onlyLetter(UUID integration) {
		JsonNode letters = this.api.get("/api/dead-letters?integrationId=" + integration).expect(200).body();
		assertThat(letters).hasSize(1);
		return letters.get(0);
	}

	private Map<String, JsonNode> events(String calendarId) {
		Map<String, JsonNode> events = new java.util.TreeMap<>();
		this.api.get("/api/calendars/" + calendarId + "/events")
			.expect(200)
			.body()
			.forEach((event) -> events.put(event.get("uid").asString(), event));
		return events;
	}

	private double created() {
		return this.meters.find(CalSyncMetrics.DEAD_LETTERS_CREATED)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private double openGauge() {
		return this.meters.get(CalSyncMetrics.DEAD_LETTERS_OPEN).gauge().value();
	}

	private static String event(String uid, String summary, String extraLines) {
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
				%sEND:VEVENT\r
				END:VCALENDAR\r
				""".formatted(uid, summary, extraLines);
	}

}
