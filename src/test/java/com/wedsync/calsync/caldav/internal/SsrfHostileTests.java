package com.wedsync.calsync.caldav.internal;

import java.net.InetAddress;
import java.net.URI;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.wedsync.calsync.caldav.CalDavClient;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A hostile server on loopback (allowed, as in the tests' configuration) pointing calsync
 * at internal addresses: redirects, principals and homes are checked like the URL the
 * user typed, and connections go only to checked addresses.
 */
class SsrfHostileTests {

	private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

	private SardineCalDavClientFactory factory;

	@BeforeEach
	void start() {
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.factory.close();
		this.server.stop();
	}

	@Test
	void shouldRefuseARedirectToTheMetadataAddress() {
		this.server.stubFor(dav("PROPFIND", "/.well-known/caldav").willReturn(
				aResponse().withStatus(301).withHeader("Location", "http://169.254.169.254/latest/meta-data/")));

		assertThatExceptionOfType(ForbiddenUrlException.class).isThrownBy(() -> client(loopbackAllowed()).discover())
			.withMessageContaining("169.254.169.254")
			.withMessageContaining("metadata");
	}

	@Test
	void shouldRefuseAPrincipalOnAPrivateAddress() {
		this.server.stubFor(dav("PROPFIND", "/.well-known/caldav").willReturn(aResponse().withStatus(404)));
		this.server.stubFor(dav("PROPFIND", "/").willReturn(multistatusAnswer(
				multistatus("<d:response><d:href>/</d:href><d:propstat><d:prop><d:current-user-principal>"
						+ "<d:href>http://10.0.0.7/principal/</d:href></d:current-user-principal></d:prop>"
						+ "<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>"))));

		assertThatExceptionOfType(ForbiddenUrlException.class).isThrownBy(() -> client(loopbackAllowed()).discover())
			.withMessageContaining("10.0.0.7")
			.withMessageContaining("private");
	}

	@Test
	void shouldRefuseACalendarHomeOnAnIpv4MappedLoopbackUnderAStrictPolicy() {
		CalDavClient client = client(new OutboundUrlPolicy(new OutboundUrlProperties(false, false, false)));

		assertThatExceptionOfType(ForbiddenUrlException.class).isThrownBy(
				() -> client.listCalendars(URI.create("http://[::ffff:127.0.0.1]:" + this.server.port() + "/")));
		assertThat(this.server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void shouldNeverConnectToANameThatResolvesToLoopbackUnderAStrictPolicy() {
		OutboundUrlPolicy strict = new OutboundUrlPolicy(new OutboundUrlProperties(false, false, false),
				(host) -> new InetAddress[] { InetAddress.getByName("127.0.0.1") });
		this.factory = new SardineCalDavClientFactory(CalDavSettings.defaults(), ResilienceSettings.singleAttempt(),
				strict, new SimpleMeterRegistry());
		CalDavClient client = this.factory.connect(URI.create("http://calendar.example:" + this.server.port() + "/"),
				new DavCredentials("planner", "never-sent-secret"));

		assertThatExceptionOfType(ForbiddenUrlException.class).isThrownBy(client::discover)
			.withMessageContaining("calendar.example")
			.withMessageContaining("loopback");
		assertThat(this.server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void shouldConnectToTheAddressThePolicyResolved() {
		// the name exists only in the policy's resolver: reaching the server proves the
		// connection used the checked resolution, not a second lookup
		OutboundUrlPolicy pinned = new OutboundUrlPolicy(new OutboundUrlProperties(false, true, false),
				(host) -> new InetAddress[] { InetAddress.getByName("127.0.0.1") });
		this.server.stubFor(dav("PROPFIND", "/home/").willReturn(multistatusAnswer(multistatus())));

		URI home = URI.create("http://pinned.invalid:" + this.server.port() + "/home/");

		assertThat(client(pinned, home).listCalendars(home)).isEmpty();
		assertThat(this.server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
	}

	private CalDavClient client(OutboundUrlPolicy policy) {
		return client(policy, URI.create(this.server.baseUrl()));
	}

	private CalDavClient client(OutboundUrlPolicy policy, URI serverUrl) {
		this.factory = new SardineCalDavClientFactory(CalDavSettings.defaults(), ResilienceSettings.singleAttempt(),
				policy, new SimpleMeterRegistry());
		return this.factory.connect(serverUrl, new DavCredentials("planner", "pw"));
	}

	private static OutboundUrlPolicy loopbackAllowed() {
		return new OutboundUrlPolicy(new OutboundUrlProperties(false, true, false));
	}

}
