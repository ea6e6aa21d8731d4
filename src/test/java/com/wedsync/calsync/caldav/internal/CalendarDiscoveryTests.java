package com.wedsync.calsync.caldav.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.CalendarHome;
import com.wedsync.calsync.caldav.DavCredentials;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.requestMadeFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.dav;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.multistatus;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.multistatusAnswer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * iCloud-shaped discovery: two WireMock servers stand in for {@code caldav.icloud.com}
 * and the partition host {@code pNN-caldav.icloud.com}.
 */
class CalendarDiscoveryTests {

	private final WireMockServer icloud = new WireMockServer(options().dynamicPort());

	private final WireMockServer partition = new WireMockServer(options().dynamicPort());

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final SardineCalDavClientFactory factory = new SardineCalDavClientFactory(CalDavSettings.defaults(),
			this.meters);

	@BeforeEach
	void start() {
		this.icloud.start();
		this.partition.start();
	}

	@AfterEach
	void stop() {
		this.icloud.stop();
		this.partition.stop();
		this.factory.close();
	}

	@Test
	void shouldFollowWellKnownRedirectAndFindTheHomeOnThePartitionHost() {
		String home = this.partition.baseUrl() + "/123456/calendars/";
		this.icloud.stubFor(dav("PROPFIND", "/.well-known/caldav")
			.willReturn(aResponse().withStatus(301).withHeader("Location", "/")));
		this.icloud.stubFor(dav("PROPFIND", "/").willReturn(multistatusAnswer(multistatus(principalResponse()))));
		this.icloud.stubFor(dav("PROPFIND", "/123456/principal/")
			.willReturn(multistatusAnswer(multistatus("<d:response><d:href>/123456/principal/</d:href>"
					+ "<d:propstat><d:prop><c:calendar-home-set><d:href>" + home
					+ "</d:href></c:calendar-home-set></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>"
					+ "<d:propstat><d:prop><d:displayname/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status>"
					+ "</d:propstat></d:response>"))));

		try (CalDavClient client = connect()) {
			CalendarHome found = client.discover();
			assertThat(found.principal()).isEqualTo(URI.create(this.icloud.baseUrl() + "/123456/principal/"));
			assertThat(found.calendarHome()).isEqualTo(URI.create(home));
			assertThat(DavTestBodies.requests(this.meters)).isEqualTo(3.0);

			this.partition.stubFor(dav("PROPFIND", "/123456/calendars/")
				.willReturn(multistatusAnswer(multistatus(DavTestBodies.propResponse("/123456/calendars/wedding/",
						"<d:resourcetype><d:collection/><c:calendar/></d:resourcetype>",
						"<cs:getctag>ctag-1</cs:getctag>")))));
			assertThat(client.listCalendars(found.calendarHome())).singleElement()
				.satisfies((calendar) -> assertThat(calendar.href())
					.isEqualTo(URI.create(this.partition.baseUrl() + "/123456/calendars/wedding/")));
		}
		this.partition.verify(1,
				WireMock.anyRequestedFor(WireMock.anyUrl()).withHeader("Authorization", equalTo(basicAuth())));
		this.icloud.verify(3, requestMadeFor((request) -> com.github.tomakehurst.wiremock.matching.MatchResult
			.of(basicAuth().equals(request.getHeader("Authorization")))));
		this.icloud.verify(WireMock.anyRequestedFor(WireMock.urlEqualTo("/")).withHeader("Depth", equalTo("0")));
	}

	@Test
	void shouldFallBackToTheServerUrlWhenThereIsNoWellKnownUri() {
		this.icloud.stubFor(dav("PROPFIND", "/.well-known/caldav").willReturn(aResponse().withStatus(404)));
		this.icloud.stubFor(dav("PROPFIND", "/dav/").willReturn(multistatusAnswer(multistatus(principalResponse()))));
		this.icloud.stubFor(dav("PROPFIND", "/123456/principal/")
			.willReturn(multistatusAnswer(multistatus(DavTestBodies.propResponse("/123456/principal/",
					"<c:calendar-home-set><d:href>../calendars/</d:href></c:calendar-home-set>")))));

		try (CalDavClient client = this.factory.connect(URI.create(this.icloud.baseUrl() + "/dav/"),
				new DavCredentials("planner@example.com", "app-specific"))) {
			CalendarHome found = client.discover();
			assertThat(found.calendarHome()).isEqualTo(URI.create(this.icloud.baseUrl() + "/123456/calendars/"));
		}
	}

	private static String principalResponse() {
		return "<d:response><d:href>/</d:href><d:propstat><d:prop><d:current-user-principal>"
				+ "<d:href>/123456/principal/</d:href></d:current-user-principal></d:prop>"
				+ "<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>";
	}

	private CalDavClient connect() {
		return this.factory.connect(URI.create(this.icloud.baseUrl()),
				new DavCredentials("planner@example.com", "app-specific"));
	}

	private static String basicAuth() {
		return "Basic " + Base64.getEncoder()
			.encodeToString("planner@example.com:app-specific".getBytes(StandardCharsets.UTF_8));
	}

}
