package com.wedsync.calsync.caldav.internal;

import java.net.URI;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.CalendarHome;
import com.wedsync.calsync.caldav.DavCredentials;
import com.wedsync.calsync.caldav.ForbiddenUrlException;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.dav;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.multistatus;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.multistatusAnswer;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.propResponse;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.statusResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Hrefs in a server's answers stay on the hosts discovery found (the server URL's, the
 * principal's, the calendar home's); one pointing elsewhere is refused before anything is
 * sent there. "localhost" and "127.0.0.1" are two hosts here, as caldav.icloud.com and a
 * pNN-caldav partition host are for iCloud; "localhost" is a configured credential host,
 * since an IP address has no registrable domain to share ({@code CredentialHostsTests}).
 */
class HrefPinningTests {

	private static final String ELSEWHERE = "http://elsewhere.invalid:8080";

	private final WireMockServer server = new WireMockServer(options().dynamicPort());

	private SardineCalDavClientFactory factory;

	private CalDavClient client;

	@BeforeEach
	void start() {
		this.server.start();
		this.factory = new SardineCalDavClientFactory(CalDavSettings.defaults(), ResilienceSettings.singleAttempt(),
				com.wedsync.calsync.caldav.OutboundUrlPolicy.permissive(), List.of("localhost"),
				new SimpleMeterRegistry());
		this.client = this.factory.connect(URI.create("http://127.0.0.1:" + this.server.port() + "/"),
				new DavCredentials("planner", "app-password"));
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.factory.close();
		this.server.stop();
	}

	@Test
	void shouldFollowAHomeOnAnotherHostThatDiscoveryFound() {
		stubDiscoveryWithHomeOn(localhost() + "/home/");
		this.server.stubFor(dav("PROPFIND", "/home/")
			.willReturn(multistatusAnswer(multistatus(calendar(localhost() + "/home/wedding/"),
					calendar("http://127.0.0.1:" + port() + "/home/couple/")))));

		CalendarHome home = this.client.discover();

		assertThat(home.calendarHome()).hasHost("localhost");
		assertThat(this.client.listCalendars(home.calendarHome())).hasSize(2);
	}

	@Test
	void shouldRefuseACalendarOnAHostDiscoveryDidNotFind() {
		stubDiscoveryWithHomeOn("/home/");
		this.server.stubFor(
				dav("PROPFIND", "/home/").willReturn(multistatusAnswer(multistatus(calendar(ELSEWHERE + "/steal/")))));
		CalendarHome home = this.client.discover();

		assertThatExceptionOfType(ForbiddenUrlException.class)
			.isThrownBy(() -> this.client.listCalendars(home.calendarHome()))
			.withMessageContaining("elsewhere.invalid")
			.withMessageContaining("discovery did not find");
	}

	@Test
	void shouldRefuseASyncCollectionMemberOnAnotherHost() {
		URI calendar = URI.create(this.server.baseUrl() + "/home/wedding/");
		this.server.stubFor(dav("REPORT", "/home/wedding/").willReturn(multistatusAnswer(
				multistatus(propResponse(ELSEWHERE + "/home/wedding/a.ics", "<d:getetag>\"1\"</d:getetag>"),
						"<d:sync-token>t2</d:sync-token>"))));

		assertThatExceptionOfType(ForbiddenUrlException.class)
			.isThrownBy(() -> this.client.syncCollection(calendar, null))
			.withMessageContaining("elsewhere.invalid");
	}

	@Test
	void shouldRefuseAMultigetAnswerForAnHrefOnAnotherHost() {
		URI calendar = URI.create(this.server.baseUrl() + "/home/wedding/");
		this.server.stubFor(dav("REPORT", "/home/wedding/")
			.willReturn(multistatusAnswer(multistatus(statusResponse(ELSEWHERE + "/x.ics", 404)))));

		assertThatExceptionOfType(ForbiddenUrlException.class)
			.isThrownBy(() -> this.client.multiget(calendar, List.of(URI.create("/home/wedding/x.ics"))))
			.withMessageContaining("elsewhere.invalid");
	}

	private void stubDiscoveryWithHomeOn(String home) {
		this.server
			.stubFor(dav("PROPFIND", "/.well-known/caldav").willReturn(multistatusAnswer(multistatus(propResponse("/",
					"<d:current-user-principal><d:href>/principal/</d:href></d:current-user-principal>")))));
		this.server
			.stubFor(dav("PROPFIND", "/principal/").willReturn(multistatusAnswer(multistatus(propResponse("/principal/",
					"<c:calendar-home-set><d:href>" + home + "</d:href></c:calendar-home-set>")))));
	}

	private static String calendar(String href) {
		return propResponse(href, "<d:resourcetype><d:collection/><c:calendar/></d:resourcetype>");
	}

	private int port() {
		return this.server.port();
	}

	private String localhost() {
		return "http://localhost:" + port();
	}

}
