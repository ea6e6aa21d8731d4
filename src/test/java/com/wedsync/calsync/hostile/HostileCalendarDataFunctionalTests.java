package com.wedsync.calsync.hostile;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.wedsync.calsync.hostile.HostileCalendarObjects.expectedReason;
import static com.wedsync.calsync.hostile.HostileCalendarObjects.uid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile calendar objects ({@link HostileCalendarObjects}) next to good ones, synced by
 * the real job: on a real Radicale (written straight into its storage folder, as a broken
 * client could leave them, so Radicale's checks on PUT do not filter them first), and on
 * a WireMock calendar for those Radicale cannot hold. Each is parked as a dead letter
 * with a reason an operator can read, or handled on purpose (recurrence bombs imported as
 * text, duplicate UIDs linked as one event); every good event is imported, the sync
 * completes, the next one parks nothing new, and the service stays healthy.
 */
@ApplicationTest
class HostileCalendarDataFunctionalTests {

	private static final int GOOD = 10;

	@LocalServerPort
	int port;

	@Test
	void shouldParkWhatRadicaleHoldsWithItsReasonAndImportEveryGoodEvent() throws IOException {
		CalSyncApi api = new CalSyncApi(this.port);
		CalDavTestServer radicale = CalDavTestServers.radicale();
		radicale.removeAllCalendars();
		URI calendar = radicale.createCalendar("hostile");
		Path folder = radicale.homeFolder().resolve("hostile");
		Map<String, String> objects = objects(HostileCalendarObjects.parkedOnRadicale(),
				HostileCalendarObjects.acceptedOnRadicale());
		for (Map.Entry<String, String> object : objects.entrySet()) {
			Files.writeString(folder.resolve(object.getKey()), object.getValue());
		}
		assertThat(radicale.events(calendar)).hasSize(objects.size());
		UUID integration = api.connect(radicale, "tenant-hostile-ical");

		Map<String, JsonNode> events = syncAndCheck(api, integration, HostileCalendarObjects.parkedOnRadicale());

		assertThat(events).containsKeys(uid("secondly"), uid("rdates"), uid("twice"));
		assertThat(events.get(uid("secondly")).get("recurrence").get("rule").asString()).isEqualTo("FREQ=SECONDLY");
		// twice-a and twice-b share a UID: one event
		assertThat(events).hasSize(GOOD + HostileCalendarObjects.acceptedOnRadicale().size() - 1);
	}

	@Test
	void shouldParkWhatRadicaleCannotHoldWithItsReasonAndImportEveryGoodEvent() {
		CalSyncApi api = new CalSyncApi(this.port);
		Map<String, String> objects = objects(HostileCalendarObjects.parkedOffRadicale(),
				HostileCalendarObjects.acceptedOffRadicale());
		try (WireMockCalendar server = new WireMockCalendar(objects)) {
			UUID integration = server.connect(api, "tenant-hostile-ical");

			Map<String, JsonNode> events = syncAndCheck(api, integration, HostileCalendarObjects.parkedOffRadicale());

			assertThat(events.get(uid("huge-count")).get("recurrence").get("rule").asString())
				.isEqualTo("FREQ=SECONDLY;COUNT=2000000000");
			assertThat(events).hasSize(GOOD + 1);
		}
	}

	/**
	 * Syncs twice; checks the letters, the good events and health; returns the events.
	 */
	private Map<String, JsonNode> syncAndCheck(CalSyncApi api, UUID integration, Map<String, String> parked) {
		JsonNode sync = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> api.syncAndWait(integration));

		assertThat(sync.get("status").asString()).as(sync.toString()).isEqualTo("COMPLETED");
		Map<String, String> reasons = new TreeMap<>();
		api.get("/api/dead-letters?integrationId=" + integration)
			.expect(200)
			.body()
			.forEach((letter) -> reasons.put(letter.get("href").asString().replaceAll(".*/", ""),
					letter.get("errorMessage").asString()));
		assertThat(reasons).containsOnlyKeys(parked.keySet());
		reasons.forEach((file, reason) -> assertThat(reason).as(file)
			.containsIgnoringCase(expectedReason(file))
			.doesNotContain("null")
			.hasSizeLessThan(500));
		String calendarId = api.get("/api/integrations/" + integration)
			.expect(200)
			.body()
			.get("calendars")
			.get(0)
			.get("id")
			.asString();
		Map<String, JsonNode> events = new TreeMap<>();
		api.get("/api/calendars/" + calendarId + "/events")
			.expect(200)
			.body()
			.forEach((event) -> events.put(event.get("uid").asString(), event));
		for (int i = 0; i < GOOD; i++) {
			assertThat(events).containsKey(uid("good-%02d".formatted(i)));
		}
		assertThat(api.get("/actuator/health").expect(200).body().get("status").asString()).isEqualTo("UP");
		assertThat(api.syncAndWait(integration).get("status").asString()).isEqualTo("COMPLETED");
		assertThat(api.get("/api/dead-letters?integrationId=" + integration).expect(200).body()).hasSize(parked.size());
		return events;
	}

	private static Map<String, String> objects(Map<String, String> parked, Map<String, String> accepted) {
		Map<String, String> objects = new LinkedHashMap<>();
		for (int i = 0; i < GOOD; i++) {
			objects.put("good-%02d.ics".formatted(i), HostileCalendarObjects.good(i));
		}
		objects.putAll(parked);
		objects.putAll(accepted);
		return objects;
	}

}
