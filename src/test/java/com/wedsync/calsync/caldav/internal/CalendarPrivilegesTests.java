package com.wedsync.calsync.caldav.internal;

import java.net.URI;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.DavCredentials;
import com.wedsync.calsync.caldav.ForbiddenException;
import com.wedsync.calsync.caldav.RemoteCalendar;
import com.wedsync.calsync.caldav.WriteAccess;
import com.wedsync.calsync.caldav.WriteCondition;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.dav;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.multistatus;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.multistatusAnswer;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.propResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * RFC 3744 privileges as servers write them: a calendar's current-user-privilege-set in
 * the home listing and alone, and a 403 for lack of a privilege. Radicale shows the
 * read-only case for real (see {@code ReadOnlyCalendarFunctionalTests}); the forms it
 * does not write (aggregates alone, bind, need-privileges bodies, no set at all) are
 * here.
 */
class CalendarPrivilegesTests {

	private static final String CALENDAR_TYPE = "<d:resourcetype><d:collection/><c:calendar/></d:resourcetype>";

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

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', value = { "<d:privilege><d:read/></d:privilege>|READ_ONLY",
			"<d:privilege><d:read/></d:privilege><d:privilege><d:read-current-user-privilege-set/></d:privilege>|READ_ONLY",
			"''|READ_ONLY", "<d:privilege><d:read/></d:privilege><d:privilege><d:write/></d:privilege>|WRITABLE",
			"<d:privilege><d:write-content/></d:privilege>|WRITABLE", "<d:privilege><d:bind/></d:privilege>|WRITABLE",
			"<d:privilege><d:all/></d:privilege>|WRITABLE",
			"<d:privilege><d:write-properties/></d:privilege><d:privilege><d:read/></d:privilege>|READ_ONLY",
			"<d:privilege><x:write xmlns:x=\"urn:example\"/></d:privilege>|READ_ONLY" })
	void shouldReadWhetherTheListedPrivilegesLetTheAccountWrite(String privileges, WriteAccess expected) {
		this.server.stubFor(dav("PROPFIND", "/home/")
			.willReturn(multistatusAnswer(multistatus(propResponse("/home/shared/", CALENDAR_TYPE,
					"<d:current-user-privilege-set>" + privileges + "</d:current-user-privilege-set>")))));

		List<RemoteCalendar> calendars = this.client.listCalendars(URI.create(this.server.baseUrl() + "/home/"));

		assertThat(calendars).singleElement().extracting(RemoteCalendar::access).isEqualTo(expected);
	}

	@Test
	void shouldTellAnUnreportedSetFromAReadOnlyOne() {
		// iCloud-style: the property it lacks comes back in a 404 propstat, which says
		// nothing.
		this.server.stubFor(dav("PROPFIND", "/home/")
			.willReturn(multistatusAnswer(multistatus("<d:response><d:href>/home/work/</d:href><d:propstat><d:prop>"
					+ CALENDAR_TYPE + "</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat><d:propstat><d:prop>"
					+ "<d:current-user-privilege-set/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status>"
					+ "</d:propstat></d:response>"))));

		List<RemoteCalendar> calendars = this.client.listCalendars(URI.create(this.server.baseUrl() + "/home/"));

		assertThat(calendars).singleElement().extracting(RemoteCalendar::access).isEqualTo(WriteAccess.UNREPORTED);
	}

	@Test
	void shouldAskOneCalendarForItsPrivilegesWithADepthZeroPropfind() {
		this.server.stubFor(dav("PROPFIND", "/home/shared/").willReturn(multistatusAnswer(multistatus(propResponse(
				"/home/shared/",
				"<d:current-user-privilege-set><d:privilege><d:read/></d:privilege></d:current-user-privilege-set>")))));

		WriteAccess access = this.client.writeAccess(URI.create(this.server.baseUrl() + "/home/shared/"));

		assertThat(access).isEqualTo(WriteAccess.READ_ONLY);
		LoggedRequest request = this.server.findAll(WireMock.anyRequestedFor(WireMock.anyUrl())).get(0);
		assertThat(request.getHeader("Depth")).isEqualTo("0");
		assertThat(request.getBodyAsString()).contains("<D:prop><D:current-user-privilege-set/></D:prop>");
	}

	@Test
	void shouldRecogniseARefusalForLackOfAPrivilege() {
		this.server.stubFor(dav("PUT", "/home/shared/a.ics").willReturn(WireMock.aResponse()
			.withStatus(403)
			.withHeader("Content-Type", "application/xml; charset=utf-8")
			.withBody("<?xml version=\"1.0\" encoding=\"utf-8\"?><D:error xmlns:D=\"DAV:\"><D:need-privileges>"
					+ "<D:resource><D:href>/home/shared/a.ics</D:href><D:privilege><D:bind/></D:privilege>"
					+ "</D:resource></D:need-privileges></D:error>")));

		ForbiddenException refused = put("/home/shared/a.ics");

		assertThat(refused.needsPrivileges()).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "text/plain|this calendar is read-only",
			"application/xml|<D:error xmlns:D=\"DAV:\"><C:valid-calendar-data xmlns:C=\"urn:ietf:params:xml:ns:caldav\"/></D:error>",
			"application/xml|<need-privileges/>", "text/html|<html><body>need-privileges</body></html>" })
	void shouldNotTakeAnyOtherRefusalForALackOfPrivilege(String type, String body) {
		this.server.stubFor(dav("PUT", "/home/shared/a.ics")
			.willReturn(WireMock.aResponse().withStatus(403).withHeader("Content-Type", type).withBody(body)));

		ForbiddenException refused = put("/home/shared/a.ics");

		assertThat(refused.needsPrivileges()).isFalse();
		assertThat(refused.getServerAnswer()).isEqualTo(body);
	}

	private ForbiddenException put(String path) {
		return catchThrowableOfType(ForbiddenException.class,
				() -> this.client.put(URI.create(this.server.baseUrl() + path), "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
						WriteCondition.create()));
	}

}
