package com.wedsync.calsync.caldav.internal;

import java.net.URI;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.DavCredentials;
import com.wedsync.calsync.caldav.PreconditionFailedException;
import com.wedsync.calsync.caldav.WriteCondition;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** Conditional writes: the exact request, and what each answer means. */
class ResourceWritesTests {

	private static final String ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";

	private final WireMockServer server = new WireMockServer(options().dynamicPort());

	private final SardineCalDavClientFactory factory = new SardineCalDavClientFactory(CalDavSettings.defaults(),
			new SimpleMeterRegistry());

	private CalDavClient client;

	private URI href;

	@BeforeEach
	void start() {
		this.server.start();
		this.client = this.factory.connect(URI.create(this.server.baseUrl()), new DavCredentials("planner", "pw"));
		this.href = URI.create(this.server.baseUrl() + "/cal/event.ics");
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.factory.close();
		this.server.stop();
	}

	@Test
	void shouldCreateWithIfNoneMatchStarAndReturnTheNewEtag() {
		this.server.stubFor(
				put(urlEqualTo("/cal/event.ics")).willReturn(aResponse().withStatus(201).withHeader("ETag", "\"v1\"")));
		assertThat(this.client.put(this.href, ICS, WriteCondition.create())).isEqualTo("\"v1\"");
		LoggedRequest request = onlyRequest();
		assertThat(request.getHeader("If-None-Match")).isEqualTo("*");
		assertThat(request.containsHeader("If-Match")).isFalse();
		assertThat(request.getHeader("Content-Type")).isEqualTo("text/calendar; charset=utf-8");
		assertThat(request.getBodyAsString()).isEqualTo(ICS);
	}

	@Test
	void shouldUpdateWithIfMatchAndReturnNullWithoutAnEtag() {
		this.server.stubFor(put(urlEqualTo("/cal/event.ics")).willReturn(aResponse().withStatus(204)));
		assertThat(this.client.put(this.href, ICS, WriteCondition.ifMatch("\"v1\""))).isNull();
		LoggedRequest request = onlyRequest();
		assertThat(request.getHeader("If-Match")).isEqualTo("\"v1\"");
		assertThat(request.containsHeader("If-None-Match")).isFalse();
		assertThat(request.getHeader("Content-Type")).isEqualTo("text/calendar; charset=utf-8");
		assertThat(request.getBodyAsString()).isEqualTo(ICS);
	}

	@Test
	void shouldNeverSendAnIfMatchWithoutAnEtag() {
		assertThatExceptionOfType(PreconditionFailedException.class)
			.isThrownBy(() -> this.client.put(this.href, ICS, WriteCondition.ifMatch(null)));
		assertThatExceptionOfType(PreconditionFailedException.class)
			.isThrownBy(() -> this.client.delete(this.href, null));
		assertThat(this.server.getAllServeEvents()).as("requests sent").isEmpty();
	}

	@Test
	void shouldReportAFailedPreconditionOnPutAndDelete() {
		this.server.stubFor(put(urlEqualTo("/cal/event.ics")).willReturn(aResponse().withStatus(412)));
		this.server.stubFor(delete(urlEqualTo("/cal/event.ics")).willReturn(aResponse().withStatus(412)));
		assertThatExceptionOfType(PreconditionFailedException.class)
			.isThrownBy(() -> this.client.put(this.href, ICS, WriteCondition.ifMatch("\"v1\"")));
		assertThatExceptionOfType(PreconditionFailedException.class)
			.isThrownBy(() -> this.client.delete(this.href, "\"v1\""));
	}

	@Test
	void shouldDeleteWithIfMatchAndTreatAMissingResourceAsDeleted() {
		this.server.stubFor(delete(urlEqualTo("/cal/event.ics")).willReturn(aResponse().withStatus(404)));
		assertThatNoException().isThrownBy(() -> this.client.delete(this.href, "v1"));
		assertThat(onlyRequest().getHeader("If-Match")).isEqualTo("\"v1\"");
	}

	private LoggedRequest onlyRequest() {
		var requests = this.server.findAll(WireMock.anyRequestedFor(WireMock.anyUrl()));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

}
