package com.wedsync.calsync.caldav.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.DavCredentials;
import com.wedsync.calsync.caldav.NotFoundException;
import com.wedsync.calsync.caldav.RateLimitedException;
import com.wedsync.calsync.caldav.ServerErrorException;
import com.wedsync.calsync.caldav.TransportException;
import com.wedsync.calsync.caldav.UnauthorizedException;
import com.wedsync.calsync.observability.CalSyncMetrics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.dav;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * HTTP statuses and I/O failures become typed exceptions, and every request is counted.
 */
class DavFailureMappingTests {

	private static final String PASSWORD = "abcd-efgh-ijkl-mnop";

	private final WireMockServer server = new WireMockServer(options().dynamicPort());

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final SardineCalDavClientFactory factory = new SardineCalDavClientFactory(CalDavSettings.defaults(),
			this.meters);

	private CalDavClient client;

	private URI home;

	@BeforeEach
	void start() {
		this.server.start();
		this.client = this.factory.connect(URI.create(this.server.baseUrl()),
				new DavCredentials("planner@example.com", PASSWORD));
		this.home = URI.create(this.server.baseUrl() + "/home/");
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.factory.close();
		this.server.stop();
	}

	@Test
	void shouldMap503WithRetryAfterSecondsToRateLimitedWithThatDelay() {
		answer(aResponse().withStatus(503).withHeader("Retry-After", "120"));
		assertThatExceptionOfType(RateLimitedException.class).isThrownBy(() -> this.client.listCalendars(this.home))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(120)));
	}

	@Test
	void shouldMap429WithoutRetryAfterToRateLimitedWithoutDelay() {
		answer(aResponse().withStatus(429));
		assertThatExceptionOfType(RateLimitedException.class).isThrownBy(() -> this.client.listCalendars(this.home))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isNull());
	}

	@Test
	void shouldReadRetryAfterGivenAsHttpDate() {
		Clock clock = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
		assertThat(DavStatusErrors.retryAfter("Mon, 30 Nov 2026 10:01:30 GMT", clock))
			.isEqualTo(Duration.ofSeconds(90));
		assertThat(DavStatusErrors.retryAfter("Mon, 30 Nov 2026 09:00:00 GMT", clock)).isEqualTo(Duration.ZERO);
		assertThat(DavStatusErrors.retryAfter("soon", clock)).isNull();
	}

	@Test
	void shouldMap401ToUnauthorizedWithoutThePasswordInTheMessage() {
		answer(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"x\""));
		assertThatExceptionOfType(UnauthorizedException.class).isThrownBy(() -> this.client.listCalendars(this.home))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("401").doesNotContain(PASSWORD));
	}

	@Test
	void shouldMapOtherStatusesToTheirTypes() {
		answer(aResponse().withStatus(404));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.client.listCalendars(this.home));
		answer(aResponse().withStatus(502));
		assertThatExceptionOfType(ServerErrorException.class).isThrownBy(() -> this.client.listCalendars(this.home));
	}

	@Test
	void shouldMapRefusedConnectionToTransportExceptionAndCountIt() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		// the server URL's host (the credentials may go there), on a port nobody listens
		// on
		URI nowhere = URI.create("http://localhost:" + closedPort + "/home/");
		assertThatExceptionOfType(TransportException.class).isThrownBy(() -> this.client.listCalendars(nowhere))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(PASSWORD));
		assertThat(count("PROPFIND", "io_error")).isEqualTo(1.0);
	}

	@Test
	void shouldCountRequestsByMethodStatusClassAndHost() {
		answer(aResponse().withStatus(404));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.client.listCalendars(this.home));
		assertThat(count("PROPFIND", "4xx")).isEqualTo(1.0);
		assertThat(this.meters.get(CalSyncMetrics.CALDAV_REQUEST_DURATION)
			.tags(Map.of(CalSyncMetrics.TAG_HOST, "localhost")
				.entrySet()
				.stream()
				.flatMap((e) -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
				.toArray(String[]::new))
			.timer()
			.count()).isEqualTo(1);
	}

	private void answer(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
		this.server.stubFor(dav("PROPFIND", "/home/").willReturn(response));
	}

	private double count(String method, String statusClass) {
		var counter = this.meters.find(CalSyncMetrics.CALDAV_REQUESTS)
			.tag(CalSyncMetrics.TAG_METHOD, method)
			.tag(CalSyncMetrics.TAG_STATUS_CLASS, statusClass)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

}
