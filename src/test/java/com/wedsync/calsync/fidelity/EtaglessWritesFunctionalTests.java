package com.wedsync.calsync.fidelity;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalDavWrites;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.support.FidelityCorpus;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DAViCal schedules an invitation its account organises (RFC 6638): it rewrites what it
 * stores (SCHEDULE-STATUS on every attendee) and answers the PUT without an ETag. calsync
 * keeps the copy's ETag unknown (a write to it would read it again first:
 * {@code ResourceWritesTests}); the next sync lists the calendar, finds the copy with
 * DAViCal's ETag and rewrite, recognises it as agreeing, and later platform changes reach
 * it with the attendees kept and none of them copied to other calendars.
 */
@ApplicationTest
class EtaglessWritesFunctionalTests {

	/** The DAViCal account's own address: the organiser DAViCal schedules for. */
	private static final String ACCOUNT_ADDRESS = "mailto:planner@example.net";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void shouldKeepWritingACopyTheServerRewroteWithoutAnETag() {
		CalSyncApi api = new CalSyncApi(this.port);
		CalDavTestServer davical = CalDavTestServers.davical();
		ParticipantCalendars wedding = ParticipantCalendars.create(api, davical, this.jdbc,
				List.of("couple", "planner"));
		URI couple = wedding.calendars().get("couple");
		davical.putEvent(couple, "tasting.ics", invitation());
		wedding.sync(api);
		String id = this.jdbc.queryForObject("SELECT CAST(id AS VARCHAR(36)) FROM wedding_event WHERE wedding_id = "
				+ "CAST(? AS UUID) AND uid = 'tasting@davical.example'", String.class, wedding.wedding());

		// calsync writes the couple's copy, attendees and all: DAViCal answers without
		// ETag
		api.patch("/api/events/" + id, Map.of("location", "Patisserie")).expect(200);
		wedding.sync(api);
		assertThat(
				this.jdbc.queryForObject(
						"SELECT COUNT(*) FROM event_link l JOIN calendar c ON c.id = "
								+ "l.calendar_id WHERE c.href = ? AND l.etag IS NULL",
						Integer.class, couple.toString()))
			.as("the couple's copy, written without an ETag in the answer")
			.isEqualTo(1);
		api.patch("/api/events/" + id, Map.of("summary", "Cake tasting (final)")).expect(200);
		JsonNode report = wedding.sync(api);

		assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
		String copy = copyOf(davical, couple);
		assertThat(copy).contains("SUMMARY:Cake tasting (final)", "LOCATION:Patisserie", "SCHEDULE-STATUS=");
		assertThat(copyOf(davical, wedding.calendars().get("planner"))).contains("SUMMARY:Cake tasting (final)")
			.doesNotContain("ATTENDEE");
		double before = CalDavWrites.sent(this.meters);
		wedding.sync(api);
		assertThat(CalDavWrites.sent(this.meters) - before).as("writes of a sync after convergence").isZero();
	}

	private static String copyOf(CalDavTestServer server, URI calendar) {
		return server.events(calendar)
			.values()
			.stream()
			.filter((ics) -> FidelityCorpus.uidOf(ics).equals("tasting@davical.example"))
			.findFirst()
			.orElseThrow()
			.replace("\r\n ", "");
	}

	private static String invitation() {
		return """
				BEGIN:VCALENDAR\r
				VERSION:2.0\r
				PRODID:-//Apple Inc.//macOS 14.4//EN\r
				BEGIN:VEVENT\r
				UID:tasting@davical.example\r
				DTSTAMP:20261201T090000Z\r
				DTSTART:20270410T100000Z\r
				DTEND:20270410T110000Z\r
				SUMMARY:Cake tasting\r
				LOCATION:Bakery\r
				ORGANIZER;CN=Pat Planner:%s\r
				ATTENDEE;CN=Alice;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:alice@couple.example\r
				X-WEDSYNC-KIND:MEETING\r
				END:VEVENT\r
				END:VCALENDAR\r
				""".formatted(ACCOUNT_ADDRESS);
	}

}
