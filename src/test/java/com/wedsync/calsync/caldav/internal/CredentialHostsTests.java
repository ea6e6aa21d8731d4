package com.wedsync.calsync.caldav.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.CalendarHome;
import com.wedsync.calsync.caldav.DavCredentials;
import com.wedsync.calsync.caldav.ForbiddenUrlException;
import com.wedsync.calsync.caldav.OutboundUrlPolicy;
import com.wedsync.calsync.caldav.OutboundUrlProperties;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.dav;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.multistatus;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.multistatusAnswer;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.propResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An account's credentials stay with the service they were given for. Two servers on
 * loopback play two hosts; the policy's resolver (the connections' DNS) gives them names:
 * {@code caldav.wedding.test} and {@code p07-caldav.wedding.test} share a registrable
 * domain, as iCloud's {@code caldav.icloud.com} and its partition hosts do, and
 * {@code attacker.test} is another service.
 */
class CredentialHostsTests {

	private static final String BASIC = "Basic cGxhbm5lcjphcHAtcGFzc3dvcmQ=";

	private final WireMockServer first = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

	private final WireMockServer second = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

	private final OutboundUrlPolicy policy = new OutboundUrlPolicy(new OutboundUrlProperties(false, true, false),
			CredentialHostsTests::resolve, Set::of);

	private SardineCalDavClientFactory factory;

	@BeforeEach
	void start() {
		this.first.start();
		this.second.start();
	}

	@AfterEach
	void stop() {
		if (this.factory != null) {
			this.factory.close();
		}
		this.first.stop();
		this.second.stop();
	}

	@Test
	void shouldNotFollowAWellKnownRedirectToAnotherServiceWithTheCredentials() {
		this.first.stubFor(dav("PROPFIND", "/.well-known/caldav")
			.willReturn(aResponse().withStatus(301).withHeader("Location", on(this.second, "attacker.test") + "/")));
		stubPrincipalAndHome(this.second, "/");

		assertThatExceptionOfType(ForbiddenUrlException.class)
			.isThrownBy(() -> client(List.of(), "127.0.0.1").discover())
			.satisfies((ex) -> assertThat(ex.getReason()).contains("the redirect from")
				.contains("attacker.test")
				.contains("credentials are not sent there")
				.contains("calsync.caldav.credential-hosts"));
		assertThat(this.second.findAll(anyRequestedFor(anyUrl()))).isEmpty();
		// the server it was given for did get them
		assertThat(this.first.findAll(anyRequestedFor(anyUrl())))
			.extracting((request) -> request.getHeader("Authorization"))
			.containsOnly(BASIC);
	}

	@Test
	void shouldRefuseAPrincipalOnAnotherService() {
		this.first.stubFor(dav("PROPFIND", "/.well-known/caldav").willReturn(aResponse().withStatus(404)));
		this.first.stubFor(dav("PROPFIND", "/")
			.willReturn(multistatusAnswer(multistatus(propResponse("/", "<d:current-user-principal><d:href>"
					+ on(this.second, "attacker.test") + "/principal/</d:href></d:current-user-principal>")))));
		stubPrincipalAndHome(this.second, "/principal/");

		assertThatExceptionOfType(ForbiddenUrlException.class)
			.isThrownBy(() -> client(List.of(), "127.0.0.1").discover())
			.satisfies((ex) -> assertThat(ex.getReason()).startsWith("the principal is on attacker.test"));
		assertThat(this.second.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void shouldRefuseACalendarHomeOnAnotherServiceBeforeListingIt() {
		stubPrincipalAndHome(this.first, "/.well-known/caldav", on(this.second, "attacker.test") + "/home/");
		this.second.stubFor(dav("PROPFIND", "/home/").willReturn(multistatusAnswer(multistatus())));
		CalDavClient client = client(List.of(), "caldav.wedding.test");

		assertThatExceptionOfType(ForbiddenUrlException.class).isThrownBy(client::discover)
			.satisfies((ex) -> assertThat(ex.getReason()).startsWith("the calendar home is on attacker.test")
				.contains("(wedding.test)"));
		assertThatExceptionOfType(ForbiddenUrlException.class)
			.isThrownBy(() -> client.listCalendars(URI.create(on(this.second, "attacker.test") + "/home/")));
		assertThat(this.second.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void shouldFollowAPartitionHostOfTheSameDomainWithTheCredentials() {
		// iCloud's layout: the well-known URI redirects on the front host, whose
		// principal
		// names a home on a partition host
		this.first.stubFor(dav("PROPFIND", "/.well-known/caldav")
			.willReturn(aResponse().withStatus(301).withHeader("Location", "/principal/")));
		stubPrincipalAndHome(this.first, "/principal/", on(this.second, "p07-caldav.wedding.test") + "/home/");
		this.second.stubFor(dav("PROPFIND", "/home/").willReturn(multistatusAnswer(multistatus())));
		CalDavClient client = client(List.of(), "caldav.wedding.test");

		CalendarHome home = client.discover();

		assertThat(home.calendarHome()).hasHost("p07-caldav.wedding.test");
		assertThat(client.listCalendars(home.calendarHome())).isEmpty();
		List<LoggedRequest> onPartition = this.second.findAll(anyRequestedFor(anyUrl()));
		assertThat(onPartition).hasSize(1);
		assertThat(onPartition.get(0).getHeader("Authorization")).isEqualTo(BASIC);
	}

	@Test
	void shouldFollowAConfiguredCredentialHostWithTheCredentials() {
		this.first.stubFor(dav("PROPFIND", "/.well-known/caldav")
			.willReturn(aResponse().withStatus(301).withHeader("Location", on(this.second, "dav.hosting.test") + "/")));
		stubPrincipalAndHome(this.second, "/", "/home/");

		CalendarHome home = client(List.of("hosting.test"), "127.0.0.1").discover();

		assertThat(home.calendarHome()).hasHost("dav.hosting.test");
		assertThat(this.second.findAll(anyRequestedFor(anyUrl()))).isNotEmpty()
			.extracting((request) -> request.getHeader("Authorization"))
			.containsOnly(BASIC);
	}

	@ParameterizedTest
	@CsvSource({ "https://caldav.icloud.com/,https://p42-caldav.icloud.com/1/calendars/,true",
			"https://caldav.icloud.com/,https://caldav.icloud.com.attacker.test/,false",
			"https://caldav.icloud.com/,https://icloud.com/,true",
			"https://caldav.icloud.com/,https://xicloud.com/,false",
			"https://dav.example.co.uk/,https://cal.example.co.uk/,true",
			"https://dav.example.co.uk/,https://other.co.uk/,false",
			"https://alice.github.io/,https://mallory.github.io/,false",
			"https://127.0.0.1:5232/,https://127.0.0.1:8443/,true", "https://127.0.0.1/,https://localhost/,false",
			"https://localhost/,https://attacker.localhost/,false",
			"https://DAV.Example.com/,https://dav.example.com./,true",
			"https://dav.example.com/,https://elsewhere.net/,false" })
	void shouldDecideWhichHostsShareTheServersCredentials(String server, String url, boolean allowed) {
		assertThat(new CredentialHosts(URI.create(server), List.of()).allows(URI.create(url))).isEqualTo(allowed);
	}

	@ParameterizedTest
	@CsvSource({ "https://cal.fastmail.com/,fastmail.com,true",
			"https://evil.fastmail.com.attacker.test/,fastmail.com,false",
			"https://notfastmail.com/,fastmail.com,false", "https://fastmail.com/,fastmail.com,true" })
	void shouldAllowConfiguredHostsAndTheirSubdomains(String url, String configured, boolean allowed) {
		assertThat(new CredentialHosts(URI.create("https://caldav.icloud.com/"), List.of(configured))
			.allows(URI.create(url))).isEqualTo(allowed);
	}

	private CalDavClient client(List<String> credentialHosts, String serverHost) {
		this.factory = new SardineCalDavClientFactory(CalDavSettings.defaults(), ResilienceSettings.singleAttempt(),
				this.policy, credentialHosts, new SimpleMeterRegistry());
		return this.factory.connect(URI.create(on(this.first, serverHost) + "/"),
				new DavCredentials("planner", "app-password"));
	}

	private static void stubPrincipalAndHome(WireMockServer server, String principalPath) {
		stubPrincipalAndHome(server, principalPath, "/home/");
	}

	/** The principal answers at its path, names itself and the home. */
	private static void stubPrincipalAndHome(WireMockServer server, String principalPath, String home) {
		server
			.stubFor(dav("PROPFIND", principalPath).willReturn(multistatusAnswer(multistatus(propResponse(principalPath,
					"<d:current-user-principal><d:href>" + principalPath + "</d:href></d:current-user-principal>",
					"<c:calendar-home-set><d:href>" + home + "</d:href></c:calendar-home-set>")))));
	}

	private static String on(WireMockServer server, String host) {
		return "http://" + host + ":" + server.port();
	}

	/** Every test name is one of the loopback servers; nothing else resolves. */
	private static InetAddress[] resolve(String host) throws UnknownHostException {
		if (host.endsWith(".test")) {
			return new InetAddress[] { InetAddress.getByName("127.0.0.1") };
		}
		throw new UnknownHostException(host + ": not in the test's DNS");
	}

}
