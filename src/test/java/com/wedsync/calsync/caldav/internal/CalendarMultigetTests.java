package com.wedsync.calsync.caldav.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.CalendarResource;
import com.wedsync.calsync.caldav.DavCredentials;
import com.wedsync.calsync.caldav.MultigetResult;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.dav;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.multistatus;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.multistatusAnswer;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.propResponse;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.statusResponse;
import static org.assertj.core.api.Assertions.assertThat;

/** calendar-multiget: the exact request, and no href lost whatever the server answers. */
class CalendarMultigetTests {

	private static final String ICS = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";

	private final WireMockServer server = new WireMockServer(options().dynamicPort());

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private SardineCalDavClientFactory factory;

	private URI calendar;

	@BeforeEach
	void start() {
		this.server.start();
		this.calendar = URI.create(this.server.baseUrl() + "/1/calendars/wedding/");
	}

	@AfterEach
	void stop() {
		this.server.stop();
		this.factory.close();
	}

	@Test
	void shouldSendTheRfc4791MultigetBodyWithDepthAndCredentials() {
		this.server.stubFor(dav("REPORT", "/1/calendars/wedding/").willReturn(multistatusAnswer(multistatus())));
		try (CalDavClient client = connect(50)) {
			client.multiget(this.calendar, List.of(URI.create("/1/calendars/wedding/a%20b.ics"),
					URI.create(this.server.baseUrl() + "/1/calendars/wedding/c.ics")));
		}
		LoggedRequest request = this.server.findAll(WireMock.anyRequestedFor(WireMock.anyUrl())).get(0);
		assertThat(request.getMethod().getName()).isEqualTo("REPORT");
		assertThat(request.getHeader("Depth")).isEqualTo("1");
		assertThat(request.getHeader("Content-Type")).isEqualTo("application/xml; charset=UTF-8");
		assertThat(request.getHeader("Authorization")).isEqualTo(
				"Basic " + Base64.getEncoder().encodeToString("planner:app-password".getBytes(StandardCharsets.UTF_8)));
		assertThat(request.getBodyAsString()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<C:calendar-multiget xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">"
				+ "<D:prop><D:getetag/><C:calendar-data/></D:prop>" + "<D:href>/1/calendars/wedding/a%20b.ics</D:href>"
				+ "<D:href>/1/calendars/wedding/c.ics</D:href>" + "</C:calendar-multiget>");
	}

	@Test
	void shouldReportA404HrefAsNotFoundAndAnOmittedHrefAsUnanswered() {
		this.server.stubFor(dav("REPORT", "/1/calendars/wedding/").willReturn(multistatusAnswer(multistatus(
				// Answered in another encoding and as a full URL: still the href asked.
				propResponse(this.server.baseUrl() + "/1/calendars/wedding/guest%40list.ics",
						"<d:getetag>\"e1\"</d:getetag>", "<c:calendar-data>" + ICS + "</c:calendar-data>"),
				statusResponse("/1/calendars/wedding/deleted.ics", 404)))));
		URI guestList = URI.create("/1/calendars/wedding/guest@list.ics");
		URI deleted = URI.create("/1/calendars/wedding/deleted.ics");
		URI omitted = URI.create("/1/calendars/wedding/omitted.ics");

		MultigetResult result;
		try (CalDavClient client = connect(50)) {
			result = client.multiget(this.calendar, List.of(guestList, deleted, omitted));
		}

		// XML end-of-line handling turns the CRLFs of the calendar data into LFs.
		assertThat(result.found())
			.containsExactly(new CalendarResource(guestList, "\"e1\"", "BEGIN:VCALENDAR\nEND:VCALENDAR\n"));
		assertThat(result.notFound()).containsExactly(deleted);
		assertThat(result.unanswered()).containsExactly(omitted);
	}

	@Test
	void shouldSendOneReportPerBatch() {
		this.server.stubFor(dav("REPORT", "/1/calendars/wedding/").willReturn(multistatusAnswer(multistatus())));
		List<URI> hrefs = List.of(URI.create("a.ics"), URI.create("b.ics"), URI.create("c.ics"));
		MultigetResult result;
		try (CalDavClient client = connect(2)) {
			result = client.multiget(this.calendar, hrefs);
		}
		assertThat(DavTestBodies.requests(this.meters)).isEqualTo(2.0);
		assertThat(result.unanswered()).containsExactlyElementsOf(hrefs);
	}

	private CalDavClient connect(int batchSize) {
		this.factory = new SardineCalDavClientFactory(CalDavSettings.defaults().withMultigetBatchSize(batchSize),
				this.meters);
		return this.factory.connect(URI.create(this.server.baseUrl()), new DavCredentials("planner", "app-password"));
	}

}
