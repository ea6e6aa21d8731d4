package com.wedsync.calsync.fidelity;

import java.net.URI;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.support.FidelityCorpus;
import com.wedsync.calsync.support.FidelityCorpus.Item;
import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalDavWrites;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.support.Occurrences;
import com.wedsync.calsync.support.Occurrences.Occurrence;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing a real calendar carries is lost on the way to the other participants. Every
 * object of the corpus ({@link FidelityCorpus}) is made on the couple's calendar, as
 * Apple Calendar, Google or Thunderbird write it, and synced; then edited there as the
 * client writes the edit, and synced again. After each sync, the planner's and the
 * vendor's copies and the platform's event show exactly the occurrences the couple's
 * calendar shows (start, end, summary, location and status of every occurrence in 2027
 * and 2028, expanded by ical4j), tasks and notes stay where they are, untouched, and a
 * further sync writes nothing.
 */
@ApplicationTest
class CalendarFidelityFunctionalTests {

	private static final ZonedDateTime FROM = ZonedDateTime.parse("2027-01-01T00:00:00Z");

	private static final ZonedDateTime TO = ZonedDateTime.parse("2029-01-01T00:00:00Z");

	private static final List<String> CALENDARS = List.of("couple", "planner", "vendor");

	/** What a calendar's copy carries for itself: never copied to another calendar. */
	private static final String[] PER_CALENDAR = { "BEGIN:VALARM", "ATTENDEE", "ORGANIZER", "X-APPLE-", "X-MOZ-",
			"X-GOOGLE-" };

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	CalSyncApi api;

	CalDavTestServer server;

	ParticipantCalendars wedding;

	@BeforeEach
	void setUp() {
		this.api = new CalSyncApi(this.port);
	}

	static List<CalDavTestServer> servers() {
		return List.of(CalDavTestServers.radicale(), CalDavTestServers.xandikos(), CalDavTestServers.davical());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldShowEveryParticipantTheOccurrencesTheEditingCalendarShows(CalDavTestServer server) {
		List<Item> corpus = FidelityCorpus.load();
		assertThat(corpus).as("corpus items").hasSizeGreaterThanOrEqualTo(25);
		this.server = server;
		this.wedding = ParticipantCalendars.create(this.api, server, this.jdbc, CALENDARS);
		URI couple = this.wedding.calendars().get("couple");

		corpus.forEach((item) -> item.initial().forEach((name, ics) -> server.putEvent(couple, name, ics)));
		Map<String, List<String>> asStored = byUid(server.events(couple).values());
		sync();
		assertEveryCopyShows(corpus, Item::initial, asStored, "after the first sync");

		corpus.forEach((item) -> item.edited().forEach((name, ics) -> server.putEvent(couple, name, ics)));
		asStored = byUid(server.events(couple).values());
		sync();
		assertEveryCopyShows(corpus, Item::afterEdit, asStored, "after the edit");

		assertNoWritesOnNextSync();
	}

	/**
	 * @param asStored the couple's calendar before the sync, by UID, as the server stores
	 * it (Radicale and Xandikos re-serialise what they are given)
	 */
	private void assertEveryCopyShows(List<Item> corpus, Function<Item, Map<String, String>> expected,
			Map<String, List<String>> asStored, String when) {
		Map<String, Map<String, List<String>>> copies = new HashMap<>();
		for (String calendar : CALENDARS) {
			copies.put(calendar, byUid(this.server.events(this.wedding.calendars().get(calendar)).values()));
		}
		SoftAssertions softly = new SoftAssertions();
		for (Item item : corpus) {
			Map<String, List<String>> written = byUid(expected.apply(item).values());
			if (!item.isEvent()) {
				written.forEach((uid, bodies) -> {
					softly.assertThat(copies.get("couple").get(uid))
						.as("%s %s: the couple's item", item, when)
						.isEqualTo(asStored.get(uid));
					for (String other : List.of("planner", "vendor")) {
						softly.assertThat(copies.get(other)).as("%s %s: %s", item, when, other).doesNotContainKey(uid);
					}
				});
				continue;
			}
			written.forEach((uid, bodies) -> {
				SortedSet<Occurrence> shown = occurrences(bodies);
				for (String calendar : CALENDARS) {
					List<String> copy = copies.get(calendar).getOrDefault(uid, List.of());
					softly.assertThat(copy).as("%s %s: %s holds %s once", item, when, calendar, uid).hasSize(1);
					softly.assertThat(occurrences(copy))
						.as("%s %s: %s's occurrences of %s", item, when, calendar, uid)
						.containsExactlyElementsOf(shown);
				}
				softly.assertThat(occurrences(platform(uid)))
					.as("%s %s: the platform's occurrences of %s", item, when, uid)
					.containsExactlyElementsOf(shown);
				assertPerCalendarThingsStay(softly, item + " " + when, bodies,
						copies.get("couple").getOrDefault(uid, List.of()));
				for (String other : List.of("planner", "vendor")) {
					copies.get(other)
						.getOrDefault(uid, List.of())
						.forEach((copy) -> softly.assertThat(PhoneEdits.unfold(copy))
							.as("%s %s: %s's copy of %s gets nothing of the couple's own", item, when, other, uid)
							.doesNotContain(PER_CALENDAR));
				}
			});
		}
		softly.assertAll();
	}

	/** The couple's alarms and attendees are still on the couple's copy. */
	private static void assertPerCalendarThingsStay(SoftAssertions softly, String what, List<String> written,
			List<String> held) {
		String heldText = PhoneEdits.unfold(String.join("", held));
		for (String marker : List.of("BEGIN:VALARM", "ATTENDEE")) {
			if (written.stream().anyMatch((ics) -> ics.contains(marker))) {
				softly.assertThat(heldText).as("%s: the couple's copy keeps its %s", what, marker).contains(marker);
			}
		}
	}

	private static SortedSet<Occurrence> occurrences(List<String> bodies) {
		SortedSet<Occurrence> all = new TreeSet<>();
		bodies.forEach((ics) -> all.addAll(Occurrences.of(ics, FROM, TO)));
		return all;
	}

	private static Map<String, List<String>> byUid(Iterable<String> bodies) {
		Map<String, List<String>> byUid = new HashMap<>();
		for (String ics : bodies) {
			byUid.computeIfAbsent(FidelityCorpus.uidOf(ics), (uid) -> new ArrayList<>()).add(ics);
		}
		return byUid;
	}

	private List<String> platform(String uid) {
		return this.jdbc.queryForList(
				"SELECT ics FROM wedding_event WHERE tenant_id = ? AND uid = ? AND deleted = FALSE", String.class,
				this.wedding.tenant(), uid);
	}

	private JsonNode sync() {
		return this.wedding.sync(this.api);
	}

	private void assertNoWritesOnNextSync() {
		double before = writes();
		sync();
		assertThat(writes() - before).as("PUT/DELETE requests of a sync after convergence").isZero();
	}

	private double writes() {
		return CalDavWrites.sent(this.meters);
	}

}
