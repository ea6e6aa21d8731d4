package com.wedsync.calsync.caldav.internal;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.CalendarHome;
import com.wedsync.calsync.caldav.CalendarResource;
import com.wedsync.calsync.caldav.DavCredentials;
import com.wedsync.calsync.caldav.InvalidSyncTokenException;
import com.wedsync.calsync.caldav.MultigetResult;
import com.wedsync.calsync.caldav.PreconditionFailedException;
import com.wedsync.calsync.caldav.RemoteCalendar;
import com.wedsync.calsync.caldav.RemoteResource;
import com.wedsync.calsync.caldav.SyncDelta;
import com.wedsync.calsync.caldav.WriteCondition;
import com.wedsync.calsync.observability.CalSyncMetrics;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The client against real Radicale and Xandikos processes. */
class CalDavClientIntegrationTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final SardineCalDavClientFactory factory = new SardineCalDavClientFactory(CalDavSettings.defaults(),
			this.meters);

	private CalDavClient client;

	static Stream<CalDavTestServer> servers() {
		return CalDavTestServers.all().stream();
	}

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
		this.factory.close();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldDiscoverHomeAndTheCalendarCreatedThere(CalDavTestServer server) {
		URI calendar = server.createCalendar(uniqueName());
		CalendarHome home = connect(server).discover();
		assertThat(Hrefs.same(home.calendarHome(), server.calendarHome())).as("home %s", home).isTrue();
		assertThat(hrefKeys(this.client.listCalendars(home.calendarHome()).stream().map(RemoteCalendar::href)))
			.contains(Hrefs.key(calendar));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldListCalendarsWithCtagAndSyncTokenInExactlyOneRequest(CalDavTestServer server) {
		URI calendar = server.createCalendar(uniqueName());
		CalDavClient client = connect(server);
		double before = requestCount();
		List<RemoteCalendar> calendars = client.listCalendars(server.calendarHome());
		assertThat(requestCount() - before).isEqualTo(1.0);
		RemoteCalendar listed = calendars.stream()
			.filter((c) -> Hrefs.same(c.href(), calendar))
			.findFirst()
			.orElseThrow();
		assertThat(listed.ctag()).isNotBlank();
		assertThat(listed.syncToken()).isNotBlank();
		assertThat(listed.supportsSyncCollection()).isTrue();
		assertThat(listed.holdsEvents()).isTrue();
		assertThat(calendars).allSatisfy((c) -> assertThat(Hrefs.same(c.href(), server.calendarHome())).isFalse());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldListEveryItemOnInitialSync(CalDavTestServer server) {
		URI calendar = server.createCalendar(uniqueName());
		server.putEvent(calendar, "a.ics", event("a", "Tasting"));
		server.putEvent(calendar, "b.ics", event("b", "Rehearsal"));
		SyncDelta delta = connect(server).syncCollection(calendar, null);
		assertThat(paths(delta.changed())).containsExactlyInAnyOrder(calendar.getPath() + "a.ics",
				calendar.getPath() + "b.ics");
		assertThat(delta.changed()).allSatisfy((r) -> assertThat(r.etag()).isNotBlank());
		assertThat(delta.syncToken()).isNotBlank();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldReportExactlyTheAddedModifiedAndDeletedItemsSinceTheStoredToken(CalDavTestServer server) {
		URI calendar = server.createCalendar(uniqueName());
		server.putEvent(calendar, "keep.ics", event("keep", "Ceremony"));
		server.putEvent(calendar, "edit.ics", event("edit", "Meeting"));
		server.putEvent(calendar, "gone.ics", event("gone", "Deadline"));
		String token = connect(server).syncCollection(calendar, null).syncToken();

		server.putEvent(calendar, "edit.ics", event("edit", "Meeting moved"));
		server.deleteEvent(calendar.resolve("gone.ics"));
		server.putEvent(calendar, "new.ics", event("new", "Cake"));
		SyncDelta delta = this.client.syncCollection(calendar, token);

		assertThat(paths(delta.changed())).containsExactlyInAnyOrder(calendar.getPath() + "edit.ics",
				calendar.getPath() + "new.ics");
		assertThat(delta.deleted()).extracting(URI::getPath).containsExactly(calendar.getPath() + "gone.ics");
		assertThat(delta.syncToken()).isNotEqualTo(token);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldRejectABogusStoredTokenAsInvalid(CalDavTestServer server) {
		URI calendar = server.createCalendar(uniqueName());
		CalDavClient client = connect(server);
		String realToken = client.syncCollection(calendar, null).syncToken();
		String bogus = realToken.substring(0, realToken.length() - 6) + "abcdef";
		assertThatExceptionOfType(InvalidSyncTokenException.class)
			.isThrownBy(() -> client.syncCollection(calendar, bogus));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldListResourcesWithEtagsButNotTheCollectionItself(CalDavTestServer server) {
		URI calendar = server.createCalendar(uniqueName());
		String etag = server.putEvent(calendar, "a.ics", event("a", "Tasting"));
		List<RemoteResource> resources = connect(server).listResources(calendar);
		assertThat(paths(resources)).containsExactly(calendar.getPath() + "a.ics");
		if (etag != null) {
			assertThat(resources.get(0).etag()).isEqualTo(etag);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldMultigetExistingHrefsAndAccountForMissingOnes(CalDavTestServer server) {
		URI calendar = server.createCalendar(uniqueName());
		server.putEvent(calendar, "a.ics", event("a", "Tasting"));
		server.putEvent(calendar, "b.ics", event("b", "Rehearsal"));
		URI a = URI.create(calendar.getPath() + "a.ics");
		URI b = calendar.resolve("b.ics");
		URI missing = URI.create(calendar.getPath() + "missing.ics");
		MultigetResult result = connect(server).multiget(calendar, List.of(a, b, missing));
		assertThat(result.found()).extracting(CalendarResource::href).containsExactlyInAnyOrder(a, b);
		assertThat(result.found()).allSatisfy((r) -> {
			assertThat(r.etag()).isNotBlank();
			assertThat(r.icalendar()).contains("BEGIN:VCALENDAR");
		});
		assertThat(Stream.concat(result.notFound().stream(), result.unanswered().stream())).containsExactly(missing);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldRefuseToCreateAnEventTwice(CalDavTestServer server) {
		URI href = server.createCalendar(uniqueName()).resolve("x.ics");
		CalDavClient client = connect(server);
		client.put(href, event("x", "Fitting"), WriteCondition.create());
		assertThatExceptionOfType(PreconditionFailedException.class)
			.isThrownBy(() -> client.put(href, event("x", "Fitting 2"), WriteCondition.create()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldRefuseAnUpdateBasedOnAStaleEtag(CalDavTestServer server) {
		URI calendar = server.createCalendar(uniqueName());
		URI href = calendar.resolve("x.ics");
		CalDavClient client = connect(server);
		client.put(href, event("x", "Fitting"), WriteCondition.create());
		String first = currentEtag(calendar);
		client.put(href, event("x", "Fitting moved"), WriteCondition.ifMatch(first));
		assertThat(currentEtag(calendar)).isNotEqualTo(first);
		assertThatExceptionOfType(PreconditionFailedException.class)
			.isThrownBy(() -> client.put(href, event("x", "Lost update"), WriteCondition.ifMatch(first)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldDeleteOnlyWithTheCurrentEtag(CalDavTestServer server) {
		URI calendar = server.createCalendar(uniqueName());
		URI href = calendar.resolve("x.ics");
		CalDavClient client = connect(server);
		client.put(href, event("x", "Fitting"), WriteCondition.create());
		String stale = currentEtag(calendar);
		client.put(href, event("x", "Fitting moved"), WriteCondition.ifMatch(stale));
		assertThatExceptionOfType(PreconditionFailedException.class).isThrownBy(() -> client.delete(href, stale));
		client.delete(href, currentEtag(calendar));
		assertThat(client.listResources(calendar)).isEmpty();
		client.delete(href, stale);
	}

	private CalDavClient connect(CalDavTestServer server) {
		this.client = this.factory.connect(server.baseUrl(), new DavCredentials(server.username(), server.password()));
		return this.client;
	}

	private String currentEtag(URI calendar) {
		return this.client.listResources(calendar).get(0).etag();
	}

	private double requestCount() {
		return this.meters.find(CalSyncMetrics.CALDAV_REQUESTS).counters().stream().mapToDouble(Counter::count).sum();
	}

	private static List<String> paths(List<RemoteResource> resources) {
		return resources.stream().map((r) -> r.href().getPath()).toList();
	}

	private static Set<String> hrefKeys(Stream<URI> hrefs) {
		return hrefs.map(Hrefs::key).collect(Collectors.toSet());
	}

	private static String uniqueName() {
		return "cal-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String event(String uid, String summary) {
		return String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//WedSync//calsync tests//EN",
				"BEGIN:VEVENT", "UID:" + uid + "@wedsync.test", "DTSTAMP:20260101T000000Z", "DTSTART:20270612T140000Z",
				"DTEND:20270612T150000Z", "SUMMARY:" + summary, "END:VEVENT", "END:VCALENDAR", "");
	}

}
