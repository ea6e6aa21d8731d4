package com.wedsync.calsync.testpeers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DAViCal peer works as a CalDAV server; the tests also record where DAViCal answers
 * differently from Radicale and Xandikos.
 */
class DavicalTestServerTests {

	private static final Pattern SYNC_TOKEN = Pattern.compile("<(?:\\w+:)?sync-token>([^<]+)</(?:\\w+:)?sync-token>");

	private static final Pattern MAILTO = Pattern.compile("<(?:\\w+:)?href>mailto:([^<]+)</(?:\\w+:)?href>");

	private final CalDavTestServer server = CalDavTestServers.davical();

	@Test
	void shouldKeepTheEventsOfACalendarItCreated() {
		URI calendar = this.server.createCalendar(uniqueName());
		String etag = this.server.putEvent(calendar, "tasting.ics", event("tasting", "Tasting", ""));
		URI event = calendar.resolve("tasting.ics");
		assertThat(etag).as("a PUT without attendees is answered with its ETag").isNotBlank();
		assertThat(send(request(event).GET()).headers().firstValue("ETag")).contains(etag);
		assertThat(this.server.getEvent(event)).contains("UID:tasting", "SUMMARY:Tasting");
		// Hrefs come back as absolute paths under /caldav.php/, spelled as they were PUT.
		assertThat(this.server.hrefs(calendar)).containsExactly(event);
		assertThat(event.getPath()).startsWith("/caldav.php/planner/");
		this.server.deleteEvent(event);
		assertThat(this.server.hrefs(calendar)).isEmpty();
		assertThat(this.server.getEvent(event)).isNull();
	}

	@Test
	void shouldLeadFromTheWellKnownAddressToThePlannersPrincipal() {
		// DAViCal redirects the well-known address to its root, not to the principal.
		HttpResponse<String> wellKnown = send(propfind(this.server.baseUrl().resolve("/.well-known/caldav"), """
				<D:propfind xmlns:D="DAV:"><D:prop><D:current-user-principal/></D:prop></D:propfind>
				"""));
		assertThat(wellKnown.statusCode()).isEqualTo(301);
		URI root = URI.create(wellKnown.headers().firstValue("Location").orElseThrow());
		assertThat(root).isEqualTo(this.server.baseUrl().resolve("/caldav.php/"));
		HttpResponse<String> principal = send(propfind(root, """
				<D:propfind xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
				  <D:prop><D:current-user-principal/><C:calendar-home-set/></D:prop>
				</D:propfind>
				"""));
		assertThat(principal.statusCode()).isEqualTo(207);
		assertThat(principal.body())
			.containsPattern(
					"<current-user-principal>\\s*<href>/caldav.php/planner/</href>\\s*</current-user-principal>")
			.containsPattern("<C:calendar-home-set>\\s*<href>/caldav.php/planner/</href>");
		assertThat(this.server.calendarHome().getPath()).isEqualTo("/caldav.php/planner/");
	}

	@Test
	void shouldReportChangesOfACalendarBySyncToken() {
		URI calendar = this.server.createCalendar(uniqueName());
		this.server.putEvent(calendar, "rehearsal.ics", event("rehearsal", "Rehearsal", ""));
		HttpResponse<String> initial = syncCollection(calendar, "");
		assertThat(initial.statusCode()).isEqualTo(207);
		assertThat(initial.body()).contains("<href>" + calendar.getPath() + "rehearsal.ics</href>", "<getetag>");
		String token = syncToken(initial);
		// DAViCal's tokens are "data:," and a counter.
		assertThat(token).matches("data:,\\d+");
		this.server.deleteEvent(calendar.resolve("rehearsal.ics"));
		HttpResponse<String> changes = syncCollection(calendar, token);
		assertThat(changes.statusCode()).isEqualTo(207);
		assertThat(changes.body()).containsPattern("<href>" + Pattern.quote(calendar.getPath())
				+ "rehearsal.ics</href>\\s*<status>HTTP/1.1 404 Not Found</status>");
		assertThat(syncToken(changes)).isNotEqualTo(token);
		HttpResponse<String> unchanged = syncCollection(calendar, syncToken(changes));
		assertThat(unchanged.statusCode()).isEqualTo(207);
		assertThat(unchanged.body()).doesNotContain("<response>");
	}

	@Test
	void shouldAnswerAnInvitationThePlannerOrganizesWithoutAnETag() {
		URI calendar = this.server.createCalendar(uniqueName());
		String planner = plannerAddress();
		URI invitation = calendar.resolve("ceremony.ics");
		HttpResponse<String> put = send(request(invitation).PUT(BodyPublishers.ofString(
				event("ceremony", "Ceremony",
						"ORGANIZER:mailto:" + planner
								+ "\r\nATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:guest@example.org\r\n"),
				StandardCharsets.UTF_8))
			.header("Content-Type", "text/calendar; charset=utf-8"));
		// DAViCal schedules the invitation (RFC 6638) and stores what it rewrote, so it
		// may not name an ETag for the body the client sent.
		assertThat(put.statusCode()).isEqualTo(201);
		assertThat(put.headers().firstValue("ETag")).isEmpty();
		HttpResponse<String> stored = send(request(invitation).GET());
		assertThat(stored.headers().firstValue("ETag")).isPresent();
		assertThat(stored.body().replace("\r\n ", "")).contains("SCHEDULE-STATUS=", "mailto:guest@example.org");
	}

	@Test
	void shouldAnswerAnInvitationSomeoneElseOrganizesWithItsETag() {
		URI calendar = this.server.createCalendar(uniqueName());
		String attendees = "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:guest@example.org\r\n";
		// Attendees alone do not make DAViCal schedule: the organizer must be the
		// planner.
		String withoutOrganizer = this.server.putEvent(calendar, "dinner.ics", event("dinner", "Dinner", attendees));
		String foreignOrganizer = this.server.putEvent(calendar, "brunch.ics",
				event("brunch", "Brunch", "ORGANIZER:mailto:couple@example.org\r\n" + attendees));
		assertThat(withoutOrganizer).isNotBlank();
		assertThat(foreignOrganizer).isNotBlank();
		assertThat(this.server.getEvent(calendar.resolve("brunch.ics"))).doesNotContain("SCHEDULE-STATUS");
	}

	@Test
	void shouldRemoveTheCalendarsButNotTheProxyGroupsListedInTheHome() {
		URI calendar = this.server.createCalendar(uniqueName());
		this.server.removeAllCalendars();
		HttpResponse<String> home = send(propfind(this.server.calendarHome(), """
				<D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/></D:prop></D:propfind>
				""").setHeader("Depth", "1"));
		assertThat(home.body()).doesNotContain(calendar.getPath()).contains("/caldav.php/planner/calendar-proxy-read/");
	}

	/** The planner's mailto address, as DAViCal matches it against ORGANIZER. */
	private String plannerAddress() {
		HttpResponse<String> principal = send(propfind(this.server.calendarHome(), """
				<D:propfind xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
				  <D:prop><C:calendar-user-address-set/></D:prop>
				</D:propfind>
				"""));
		Matcher mailto = MAILTO.matcher(principal.body());
		assertThat(mailto.find()).as("calendar-user-address-set in %s", principal.body()).isTrue();
		return mailto.group(1);
	}

	private HttpResponse<String> syncCollection(URI calendar, String token) {
		return send(request(calendar).method("REPORT", BodyPublishers.ofString("""
				<?xml version="1.0" encoding="utf-8"?>
				<D:sync-collection xmlns:D="DAV:">
				  <D:sync-token>%s</D:sync-token><D:sync-level>1</D:sync-level>
				  <D:prop><D:getetag/></D:prop>
				</D:sync-collection>
				""".formatted(token))).header("Content-Type", "application/xml; charset=utf-8"));
	}

	private static String syncToken(HttpResponse<String> response) {
		Matcher token = SYNC_TOKEN.matcher(response.body());
		assertThat(token.find()).as("sync-token in %s", response.body()).isTrue();
		return token.group(1);
	}

	private HttpRequest.Builder propfind(URI url, String body) {
		return request(url)
			.method("PROPFIND", BodyPublishers.ofString("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + body))
			.header("Depth", "0")
			.header("Content-Type", "application/xml; charset=utf-8");
	}

	private HttpRequest.Builder request(URI url) {
		String basic = Base64.getEncoder()
			.encodeToString((this.server.username() + ":" + this.server.password()).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + basic);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		// Redirects are not followed: the well-known redirect is what is under test.
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		try {
			return http.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("DAViCal did not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String event(String uid, String summary, String extraLines) {
		return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//calsync//tests//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
				+ "\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260606T140000Z\r\nDTEND:20260606T150000Z\r\nSUMMARY:"
				+ summary + "\r\n" + extraLines + "END:VEVENT\r\nEND:VCALENDAR\r\n";
	}

	private static String uniqueName() {
		return "cal-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
