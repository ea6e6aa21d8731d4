package com.wedsync.calsync.fidelity;

import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.support.FidelityCorpus;
import com.wedsync.calsync.support.Occurrences;
import com.wedsync.calsync.support.Occurrences.Occurrence;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A planner's calendar takes part in several weddings. The planner edits "this and
 * future" of one wedding's weekly lessons on an iPhone: iOS cuts the series and saves the
 * rest under a new UID. The rest joins that wedding and reaches its couple, not the other
 * wedding's, and every copy shows the same lessons.
 */
@ApplicationTest
class SeriesSplitFunctionalTests {

	private static final ZonedDateTime FROM = ZonedDateTime.parse("2027-01-01T00:00:00Z");

	private static final ZonedDateTime TO = ZonedDateTime.parse("2029-01-01T00:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldTakeTheRestOfASeriesSplitOnAPlannersPhoneToItsWedding() {
		CalSyncApi api = new CalSyncApi(this.port);
		CalDavTestServer radicale = CalDavTestServers.radicale();
		ParticipantCalendars first = ParticipantCalendars.create(api, radicale, this.jdbc,
				List.of("planner", "couple"));
		URI planner = first.calendars().get("planner");
		URI otherCouple = radicale.createCalendar("other-couple-" + UUID.randomUUID().toString().substring(0, 6));
		first.sync(api);
		String second = api
			.post("/api/weddings", Map.of("tenantId", first.tenant(), "title", "Carla & Dan", "weddingDate",
					"2027-09-18", "timeZone", "Europe/London"))
			.expect(201)
			.body()
			.get("id")
			.asString();
		for (URI calendar : List.of(planner, otherCouple)) {
			api.post("/api/weddings/" + second + "/participants",
					Map.of("calendarId", calendarId(first, calendar), "role", "PLANNER"))
				.expect(201);
		}
		String uid = api
			.post("/api/weddings/" + first.wedding() + "/events",
					Map.of("kind", "MEETING", "summary", "Dance lesson", "location", "Studio", "start",
							"2027-03-01T18:00", "end", "2027-03-01T19:00", "recurrenceRule", "FREQ=WEEKLY;COUNT=6"))
			.expect(201)
			.body()
			.get("uid")
			.asString();
		first.sync(api);

		// "This and future" from the fourth lesson (22 March), moved to the hall
		URI href = hrefOf(radicale, planner, uid);
		String copy = PhoneEdits.unfold(radicale.getEvent(href));
		String[] split = PhoneEdits.split(copy, "rest-of-lessons@icloud.example", Instant.parse("2027-03-22T18:00:00Z"),
				3, Instant.now());
		radicale.putEvent(planner, href.getPath().substring(href.getPath().lastIndexOf('/') + 1), split[0]);
		radicale.putEvent(planner, "rest-of-lessons.ics", split[1].replace("LOCATION:Studio", "LOCATION:Hall"));
		first.sync(api);

		JsonNode rest = api.get("/api/weddings/" + first.wedding() + "/events").expect(200).body();
		assertThat(rest.findValuesAsString("uid")).contains(uid, "rest-of-lessons@icloud.example");
		SortedSet<Occurrence> lessons = occurrences(radicale, planner);
		assertThat(lessons).hasSize(6);
		assertThat(occurrences(radicale, first.calendars().get("couple"))).isEqualTo(lessons);
		assertThat(radicale.events(otherCouple)).isEmpty();
		assertThat(lessons.last().location()).hasValue("Hall");
	}

	private SortedSet<Occurrence> occurrences(CalDavTestServer server, URI calendar) {
		SortedSet<Occurrence> all = new TreeSet<>();
		server.events(calendar).values().forEach((ics) -> all.addAll(Occurrences.of(ics, FROM, TO)));
		return all;
	}

	private static URI hrefOf(CalDavTestServer server, URI calendar, String uid) {
		return server.events(calendar)
			.entrySet()
			.stream()
			.filter((e) -> FidelityCorpus.uidOf(e.getValue()).equals(uid))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
	}

	private String calendarId(ParticipantCalendars wedding, URI calendar) {
		return this.jdbc.queryForObject("SELECT id FROM calendar WHERE integration_id = ? AND href = ?", String.class,
				wedding.integration(), calendar.toString());
	}

}
