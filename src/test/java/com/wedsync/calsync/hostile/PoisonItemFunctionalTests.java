package com.wedsync.calsync.hostile;

import java.net.URI;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One object on a real server that no answer can carry: another client stored an event
 * whose summary holds a NUL, and Radicale writes it into its calendar-multiget XML as is,
 * so the whole batch's answer is not well-formed. The 49 others are imported, the one is
 * a dead letter saying why, the sync completes, and the next one is green.
 */
@ApplicationTest
class PoisonItemFunctionalTests {

	private static final int EVENTS = 50;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	@Timeout(180)
	void shouldParkTheObjectWhoseAnswerIsNotXmlAndImportTheOtherFortyNine() {
		CalSyncApi api = new CalSyncApi(this.port);
		CalDavTestServer radicale = CalDavTestServers.radicale();
		// The account's other calendars hold other suites' hostile objects.
		radicale.removeAllCalendars();
		URI calendar = radicale.createCalendar("poison-" + UUID.randomUUID().toString().substring(0, 6));
		for (int i = 0; i < EVENTS; i++) {
			String summary = (i == EVENTS / 2) ? "Cake\u0000tasting" : "Fitting " + i;
			radicale.putEvent(calendar, "event-" + i + ".ics", event("poison-" + i, summary));
		}
		UUID integration = api.connect(radicale, "tenant-poison-nul");

		JsonNode first = api.syncAndWait(integration);

		assertThat(first.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(first.get("counts").get("deadLettered").asInt()).isEqualTo(1);
		JsonNode letters = api.get("/api/dead-letters?integrationId=" + integration).expect(200).body();
		assertThat(letters).hasSize(1);
		assertThat(letters.get(0).get("href").asString()).endsWith("/event-" + EVENTS / 2 + ".ics");
		assertThat(letters.get(0).get("errorMessage").asString()).contains("Malformed XML");
		String calendarId = this.jdbc.queryForObject("SELECT id FROM calendar WHERE href = ?", String.class,
				calendar.toString());
		JsonNode events = api.get("/api/calendars/" + calendarId + "/events").expect(200).body();
		assertThat(events).hasSize(EVENTS - 1);
		assertThat(events.toString()).contains("Fitting 0", "Fitting " + (EVENTS - 1)).doesNotContain("tasting");

		JsonNode next = api.syncAndWait(integration);

		assertThat(next.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(next.get("counts").get("deadLettered").asInt()).isZero();
	}

	private static String event(String uid, String summary) {
		return String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Phone//EN", "BEGIN:VEVENT",
				"UID:" + uid, "DTSTAMP:20270101T000000Z", "DTSTART:20270512T100000Z", "DTEND:20270512T110000Z",
				"SUMMARY:" + summary, "END:VEVENT", "END:VCALENDAR", "");
	}

}
