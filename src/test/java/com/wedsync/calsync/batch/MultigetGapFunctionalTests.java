package com.wedsync.calsync.batch;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A calendar-multiget answer that leaves out an href it was asked for (no 200, no 404):
 * WireMock, proxying to a real Radicale, answers the multiget for just one of two events.
 * The gap is noticed, asked for once more, and the calendar's token stays where it was,
 * so the next sync fetches the missing event instead of losing it.
 */
@ApplicationTest
class MultigetGapFunctionalTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final WireMockServer proxy = new WireMockServer(options().dynamicPort());

	CalSyncApi api;

	@BeforeEach
	void setUp() {
		this.api = new CalSyncApi(this.port);
		this.proxy.start();
	}

	@AfterEach
	void tearDown() {
		this.proxy.stop();
	}

	@Test
	void shouldKeepTheTokenAndFetchLaterAnHrefTheMultigetLeftOut() {
		CalDavTestServer radicale = CalDavTestServers.radicale();
		radicale.removeAllCalendars();
		URI calendar = radicale.createCalendar("gap");
		radicale.putEvent(calendar, "a.ics", CalendarSyncJobFunctionalTests.simpleEvent("a@gap", "Answered"));
		radicale.putEvent(calendar, "b.ics", CalendarSyncJobFunctionalTests.simpleEvent("b@gap", "Left out"));
		this.proxy.stubFor(WireMock.any(anyUrl())
			.atPriority(10)
			.willReturn(aResponse().proxiedFrom(radicale.baseUrl().toString())));
		StubMapping gap = this.proxy.stubFor(request("REPORT", anyUrl()).atPriority(1)
			.withRequestBody(containing("calendar-multiget"))
			.willReturn(aResponse().withStatus(207)
				.withHeader("Content-Type", "application/xml; charset=utf-8")
				.withBody(multigetAnswering(calendar.getPath() + "a.ics",
						CalendarSyncJobFunctionalTests.simpleEvent("a@gap", "Answered")))));
		UUID integration = connectThroughProxy(radicale);

		JsonNode first = this.api.syncAndWait(integration);

		assertThat(first.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(first.get("exitCode").asString()).isEqualTo(CommitSyncStateTasklet.INCOMPLETE);
		assertThat(first.get("counts").get("created").asInt()).isEqualTo(1);
		assertThat(uids()).containsExactly("a@gap");
		assertThat(this.jdbc.queryForList("SELECT sync_token FROM calendar", String.class)).containsOnlyNulls();
		assertThat(this.jdbc.queryForList("SELECT href || ' ' || state FROM sync_staging", String.class))
			.containsExactly(this.proxyUrl(calendar.getPath() + "b.ics") + " UNANSWERED");
		// what was applied is newer than the token that stayed: the next sync lists
		// afresh
		assertThat(this.jdbc.queryForList("SELECT written_at FROM calendar", Object.class)).doesNotContainNull();
		// the multiget, and one more for the href it left out
		assertThat(
				this.proxy.findAll(RequestPatternBuilder.newRequestPattern(RequestMethod.fromString("REPORT"), anyUrl())
					.withRequestBody(containing("calendar-multiget"))))
			.hasSize(2);

		this.proxy.removeStub(gap);
		JsonNode second = this.api.syncAndWait(integration);

		assertThat(second.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(second.get("exitCode").asString()).isEqualTo("COMPLETED");
		assertThat(uids()).containsExactly("a@gap", "b@gap");
		assertThat(this.jdbc.queryForList("SELECT sync_token FROM calendar", String.class)).doesNotContainNull();
		assertThat(this.jdbc.queryForList("SELECT written_at FROM calendar", Object.class)).containsOnlyNulls();
	}

	private UUID connectThroughProxy(CalDavTestServer radicale) {
		JsonNode created = this.api
			.post("/api/integrations", Map.of("tenantId", "tenant-a", "provider", "CALDAV", "serverUrl",
					this.proxy.baseUrl() + "/", "username", radicale.username(), "password", radicale.password()))
			.expect(201)
			.body();
		return UUID.fromString(created.get("id").asString());
	}

	private String proxyUrl(String path) {
		return this.proxy.baseUrl() + path;
	}

	private List<String> uids() {
		return this.jdbc.queryForList("SELECT uid FROM wedding_event WHERE deleted = FALSE ORDER BY uid", String.class);
	}

	private static String multigetAnswering(String href, String ics) {
		return """
				<?xml version="1.0" encoding="utf-8"?>
				<d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
				  <d:response><d:href>%s</d:href><d:propstat><d:prop>
				    <d:getetag>"canned"</d:getetag><c:calendar-data>%s</c:calendar-data>
				  </d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
				</d:multistatus>""".formatted(href, ics);
	}

}
