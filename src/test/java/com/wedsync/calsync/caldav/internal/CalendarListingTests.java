package com.wedsync.calsync.caldav.internal;

import java.net.URI;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.ChangeMarkers;
import com.wedsync.calsync.caldav.DavCredentials;
import com.wedsync.calsync.caldav.RemoteCalendar;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.dav;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.multistatus;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.multistatusAnswer;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.propResponse;
import static org.assertj.core.api.Assertions.assertThat;

/** The calendar listing that doubles as the cheap change probe. */
class CalendarListingTests {

	private final WireMockServer server = new WireMockServer(options().dynamicPort());

	private final SardineCalDavClientFactory factory = new SardineCalDavClientFactory(CalDavSettings.defaults(),
			new SimpleMeterRegistry());

	private CalDavClient client;

	@BeforeEach
	void start() {
		this.server.start();
		this.client = this.factory.connect(URI.create(this.server.baseUrl()), new DavCredentials("planner", "pw"));
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.factory.close();
		this.server.stop();
	}

	@Test
	void shouldAskForEveryChangeProbePropertyInOnePropfind() {
		this.server.stubFor(dav("PROPFIND", "/home/").willReturn(multistatusAnswer(multistatus())));
		this.client.listCalendars(URI.create(this.server.baseUrl() + "/home/"));
		LoggedRequest request = this.server.findAll(WireMock.anyRequestedFor(WireMock.anyUrl())).get(0);
		assertThat(request.getHeader("Depth")).isEqualTo("1");
		assertThat(request.getBodyAsString()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<D:propfind xmlns:D=\"DAV:\" xmlns:ICAL=\"http://apple.com/ns/ical/\""
				+ " xmlns:CS=\"http://calendarserver.org/ns/\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">"
				+ "<D:prop><D:resourcetype/><D:displayname/><ICAL:calendar-color/><CS:getctag/><D:sync-token/>"
				+ "<C:supported-calendar-component-set/><D:supported-report-set/><D:current-user-privilege-set/>"
				+ "</D:prop></D:propfind>");
	}

	@Test
	void shouldLeaveTheSyncTokenOutWhenTheCtagAloneIsAskedFor() {
		this.server.stubFor(dav("PROPFIND", "/home/").willReturn(multistatusAnswer(multistatus())));
		this.client.listCalendars(URI.create(this.server.baseUrl() + "/home/"), ChangeMarkers.CTAG);
		LoggedRequest request = this.server.findAll(WireMock.anyRequestedFor(WireMock.anyUrl())).get(0);
		assertThat(request.getBodyAsString()).contains("<CS:getctag/>")
			.doesNotContain("sync-token")
			.contains("<C:supported-calendar-component-set/><D:supported-report-set/>");
	}

	@Test
	void shouldReturnOnlyCalendarsWithTheirProperties() {
		this.server.stubFor(dav("PROPFIND", "/home/").willReturn(multistatusAnswer(multistatus(
				// Radicale lists the home itself; CardDAV servers mix in address books.
				propResponse("/home/", "<d:resourcetype><d:collection/></d:resourcetype>"),
				propResponse("/home/contacts/",
						"<d:resourcetype><d:collection/><x:addressbook xmlns:x=\"urn:ietf:params:xml:ns:carddav\"/>"
								+ "</d:resourcetype>"),
				propResponse("/home/wedding/", "<d:resourcetype><d:collection/><c:calendar/></d:resourcetype>",
						"<d:displayname>Wedding</d:displayname>",
						"<a:calendar-color xmlns:a=\"http://apple.com/ns/ical/\">#FF2968FF</a:calendar-color>",
						"<cs:getctag>ctag-7</cs:getctag>", "<d:sync-token>https://x/sync/7</d:sync-token>",
						"<c:supported-calendar-component-set><c:comp name=\"VEVENT\"/><c:comp name=\"VTODO\"/>"
								+ "</c:supported-calendar-component-set>",
						"<d:supported-report-set><d:supported-report><d:report><d:sync-collection/></d:report>"
								+ "</d:supported-report></d:supported-report-set>"),
				propResponse("/home/tasks/", "<d:resourcetype><d:collection/><c:calendar/></d:resourcetype>",
						"<c:supported-calendar-component-set><c:comp name=\"VTODO\"/>"
								+ "</c:supported-calendar-component-set>")))));

		List<RemoteCalendar> calendars = this.client.listCalendars(URI.create(this.server.baseUrl() + "/home/"));

		assertThat(calendars).containsExactly(
				new RemoteCalendar(URI.create(this.server.baseUrl() + "/home/wedding/"), "Wedding", "#FF2968FF",
						"ctag-7", "https://x/sync/7", Set.of("VEVENT", "VTODO"), true),
				new RemoteCalendar(URI.create(this.server.baseUrl() + "/home/tasks/"), null, null, null, null,
						Set.of("VTODO"), false));
		assertThat(calendars.get(1).holdsEvents()).isFalse();
	}

}
