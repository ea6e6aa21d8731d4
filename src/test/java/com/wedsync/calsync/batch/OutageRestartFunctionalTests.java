package com.wedsync.calsync.batch;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.caldav.CalDavProperties;
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
 * A server outage in the middle of a sync: WireMock proxies a real Radicale and, after
 * the first three calendar-multigets of an initial import (of 30 events, 5 per multiget
 * in the test profile), answers everything with 503 or resets the connection. The sync
 * ends FAILED (after the transport's retries; a restart while the outage lasts fails
 * again). Once the server is back, {@code POST /api/syncs/{id}/restart} completes the
 * same sync, and the database holds exactly the server's events: no loss, no duplicates;
 * a further sync finds nothing to do.
 */
@ApplicationTest
class OutageRestartFunctionalTests {

	private static final int EVENTS = 30;

	private static final String OUTAGE = "outage";

	private static final Pattern UID = Pattern.compile("(?m)^UID:(.+?)\\r?$");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CalDavProperties caldav;

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

	enum Failure {

		SERVICE_UNAVAILABLE(aResponse().withStatus(503).withBody("down for maintenance")),

		CONNECTION_RESET(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

		final ResponseDefinitionBuilder response;

		Failure(ResponseDefinitionBuilder response) {
			this.response = response;
		}

	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Failure.class)
	void shouldFailDuringAnOutageAndRestartToExactlyTheServersEventsOnceItIsOver(Failure failure) throws Exception {
		CalDavTestServer radicale = CalDavTestServers.radicale();
		radicale.removeAllCalendars();
		URI calendar = radicale.createCalendar("outage");
		for (int i = 1; i <= EVENTS; i++) {
			radicale.putEvent(calendar, "event-%02d.ics".formatted(i),
					CalendarSyncJobFunctionalTests.simpleEvent("event-%02d@outage.example".formatted(i), "Event " + i));
		}
		this.proxy.stubFor(WireMock.any(anyUrl())
			.atPriority(10)
			.willReturn(aResponse().proxiedFrom(radicale.baseUrl().toString())));
		StubMapping outage = failAfterThreeMultigets(radicale, failure);
		UUID integration = connectThroughProxy(radicale);

		JsonNode failed = this.api.syncAndWait(integration);

		assertThat(failed.get("status").asString()).isEqualTo("FAILED");
		assertThat(failed.get("exitMessage").asString()).isNotBlank();
		assertThat(staged("FETCHED")).as("hrefs fetched before the outage").isEqualTo(15);
		assertThat(staged("PENDING")).as("hrefs not yet fetched").isEqualTo(EVENTS - 15);
		assertThat(this.jdbc.queryForList("SELECT sync_token FROM calendar", String.class)).containsOnlyNulls();
		int failedRequests = failedRequests();
		assertThat(failedRequests).as("requests that met the outage: the transport's attempts, no more")
			.isEqualTo(this.caldav.resilience().maxAttempts());

		// still down: the restart fails again, and changes nothing
		JsonNode stillDown = this.api.awaitEnd(restart(failed));
		assertThat(stillDown.get("status").asString()).isEqualTo("FAILED");
		assertThat(staged("FETCHED")).isEqualTo(15);

		this.proxy.removeStub(outage);
		// the outage opened the host's circuit: it lets calls through again after its
		// wait
		Thread.sleep(this.caldav.resilience().openWait().toMillis() + 200);
		JsonNode completed = this.api.awaitEnd(restart(stillDown));

		assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(completed.get("syncId").asString()).isEqualTo(failed.get("syncId").asString());
		assertThat(completed.get("counts").get("created").asInt()).isEqualTo(EVENTS);
		Set<String> onServer = serverUids(radicale, calendar);
		assertThat(onServer).hasSize(EVENTS);
		assertThat(this.jdbc.queryForList("SELECT uid FROM wedding_event WHERE deleted = FALSE", String.class))
			.as("events held after the restart")
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(onServer);
		assertThat(count("SELECT COUNT(*) FROM event_link")).isEqualTo(EVENTS);
		assertThat(count("SELECT COUNT(*) FROM sync_staging")).isZero();
		assertThat(this.jdbc.queryForList("SELECT sync_token FROM calendar", String.class)).doesNotContainNull();
		System.out.printf(
				"%s after 3 of 6 multigets: %d failed request(s); restart during the outage %s, after it %s%n", failure,
				failedRequests, stillDown.get("status").asString(), completed.get("status").asString());

		JsonNode again = this.api.syncAndWait(integration);

		assertThat(again.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(again.get("counts").get("read").asInt()).isZero();
		assertThat(again.get("counts").get("created").asInt()).isZero();
		assertThat(again.get("counts").get("updated").asInt()).isZero();
		assertThat(again.get("counts").get("deleted").asInt()).isZero();
		assertThat(this.jdbc.queryForList("SELECT uid FROM wedding_event WHERE deleted = FALSE", String.class))
			.containsExactlyInAnyOrderElementsOf(onServer);
	}

	/**
	 * Multigets one to three pass; from the fourth on, every request fails until the
	 * returned stub is removed.
	 */
	private StubMapping failAfterThreeMultigets(CalDavTestServer radicale, Failure failure) {
		String[] states = { Scenario.STARTED, "1 multiget", "2 multigets", "down" };
		for (int i = 0; i < 3; i++) {
			this.proxy.stubFor(request("REPORT", anyUrl()).atPriority(5)
				.withRequestBody(containing("calendar-multiget"))
				.inScenario(OUTAGE)
				.whenScenarioStateIs(states[i])
				.willSetStateTo(states[i + 1])
				.willReturn(aResponse().proxiedFrom(radicale.baseUrl().toString())));
		}
		return this.proxy.stubFor(WireMock.any(anyUrl())
			.atPriority(1)
			.inScenario(OUTAGE)
			.whenScenarioStateIs("down")
			.willReturn(failure.response));
	}

	private int failedRequests() {
		return (int) this.proxy.getAllServeEvents()
			.stream()
			.filter((event) -> event.getStubMapping().getPriority() != null
					&& event.getStubMapping().getPriority() == 1)
			.count();
	}

	private String restart(JsonNode sync) {
		return this.api.post("/api/syncs/" + sync.get("syncId").asString() + "/restart", Map.of())
			.expect(202)
			.body()
			.get("syncId")
			.asString();
	}

	private UUID connectThroughProxy(CalDavTestServer radicale) {
		return UUID.fromString(this.api
			.post("/api/integrations",
					Map.of("tenantId", "tenant-outage", "provider", "CALDAV", "serverUrl", this.proxy.baseUrl() + "/",
							"username", radicale.username(), "password", radicale.password()))
			.expect(201)
			.body()
			.get("id")
			.asString());
	}

	private static Set<String> serverUids(CalDavTestServer server, URI calendar) {
		Set<String> uids = new TreeSet<>();
		for (String ics : server.events(calendar).values()) {
			Matcher uid = UID.matcher(ics);
			assertThat(uid.find()).isTrue();
			uids.add(uid.group(1));
		}
		return uids;
	}

	private long staged(String state) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM sync_staging WHERE state = ?", Long.class, state);
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

}
