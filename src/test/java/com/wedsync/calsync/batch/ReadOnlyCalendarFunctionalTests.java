package com.wedsync.calsync.batch;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;
import com.wedsync.calsync.testpeers.InterceptingProxy;
import com.wedsync.calsync.testpeers.RadicaleRights;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A calendar shared with the account "view only" is synced one way, on a real Radicale
 * whose rights file makes one calendar read-only for the account: its own events come in,
 * the platform's events go to the writable calendar only, no write is sent to it and none
 * is a dead letter; the writes it would get are counted as skipped once, and sent when it
 * is shared for writing again.
 */
@ApplicationTest
class ReadOnlyCalendarFunctionalTests {

	private static final int EVENTS = 6;

	private static final String SHARED = "shared-readonly";

	private static final String SEEDED_UID = "venue-visit-shared@example.com";

	private static final String SEEDED = """
			BEGIN:VCALENDAR\r
			VERSION:2.0\r
			PRODID:-//Venue//Shared calendar//EN\r
			BEGIN:VEVENT\r
			UID:%s\r
			DTSTAMP:20260101T000000Z\r
			DTSTART:20270601T100000Z\r
			DTEND:20270601T110000Z\r
			SUMMARY:Venue visit\r
			END:VEVENT\r
			END:VCALENDAR\r
			""".formatted(SEEDED_UID);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	@Timeout(240)
	void shouldPullFromAReadOnlyCalendarAndNeverWriteIt() {
		CalSyncApi api = new CalSyncApi(this.port);
		RadicaleRights rights = CalDavTestServers.radicaleWithReadOnlyCalendar(SHARED, SEEDED);
		CalDavTestServer radicale = rights.server();
		URI work = radicale.createCalendar("work");
		String tenant = "tenant-read-only";
		try (InterceptingProxy proxy = new InterceptingProxy(radicale.baseUrl())) {
			UUID integration = api.connect(radicale, proxy.baseUrl(), tenant);
			assertThat(api.syncAndWait(integration).get("status").asString()).isEqualTo("COMPLETED");
			String sharedId = calendarId(proxy, rights.sharedCalendar());
			String workId = calendarId(proxy, work);
			assertThat(readOnly(api, integration))
				.containsExactlyInAnyOrderEntriesOf(Map.of(sharedId, true, workId, false));
			assertThat(api.get("/api/calendars/" + sharedId + "/events").expect(200).body())
				.extracting((event) -> event.get("uid").asString())
				.containsExactly(SEEDED_UID);

			String wedding = weddingWithEvents(api, tenant, sharedId, workId);
			JsonNode first = api.syncAndWait(integration);

			assertThat(first.get("status").asString()).isEqualTo("COMPLETED");
			assertThat(first.get("counts").get("created").asInt()).isEqualTo(EVENTS);
			assertThat(first.get("counts").get("deadLettered").asInt()).isZero();
			assertThat(first.get("counts").get("readOnlySkipped").asInt()).isEqualTo(EVENTS);
			assertThat(radicale.events(work)).hasSize(EVENTS);
			assertThat(radicale.events(rights.sharedCalendar())).hasSize(1);
			assertThat(proxy.writesUnder(rights.sharedCalendar().getRawPath())).isZero();
			assertThat(api.get("/api/dead-letters?integrationId=" + integration).expect(200).body()).isEmpty();
			assertThat(outboxRows(sharedId)).isZero();

			int putsBefore = proxy.puts();
			JsonNode next = api.syncAndWait(integration);

			assertThat(next.get("status").asString()).isEqualTo("COMPLETED");
			assertThat(next.get("counts").get("created").asInt()).isZero();
			assertThat(next.get("counts").get("readOnlySkipped").asInt()).isZero();
			assertThat(next.get("counts").get("deadLettered").asInt()).isZero();
			assertThat(proxy.puts()).isEqualTo(putsBefore);
			assertThat(api.get("/api/weddings/" + wedding + "/events").expect(200).body()).hasSize(EVENTS);
		}
	}

	@Test
	@Timeout(240)
	void shouldLearnFromARefusedWriteAndSendTheWithheldWritesOnceWritableAgain() {
		CalSyncApi api = new CalSyncApi(this.port);
		RadicaleRights rights = CalDavTestServers.radicaleWithReadOnlyCalendar(SHARED, SEEDED);
		rights.writable();
		CalDavTestServer radicale = rights.server();
		URI work = radicale.createCalendar("work");
		String tenant = "tenant-read-only-learnt";
		try (InterceptingProxy proxy = new InterceptingProxy(radicale.baseUrl())) {
			UUID integration = api.connect(radicale, proxy.baseUrl(), tenant);
			api.syncAndWait(integration);
			String sharedId = calendarId(proxy, rights.sharedCalendar());
			String workId = calendarId(proxy, work);
			assertThat(readOnly(api, integration)).containsEntry(sharedId, false);
			weddingWithEvents(api, tenant, sharedId, workId);

			// Listed writable; the share is taken back while the sync's first write is
			// in flight, so the calendar refuses what the listing promised.
			proxy.holdNextPut();
			String syncId = api.post("/api/integrations/" + integration + "/syncs", Map.of("reason", "test"))
				.expect(202)
				.body()
				.get("syncId")
				.asString();
			await().atMost(Duration.ofSeconds(60)).until(proxy::holding);
			rights.readOnly();
			proxy.release();
			JsonNode learnt = api.awaitEnd(syncId);

			assertThat(learnt.get("status").asString()).isEqualTo("COMPLETED");
			assertThat(learnt.get("counts").get("deadLettered").asInt()).isZero();
			assertThat(learnt.get("counts").get("readOnlySkipped").asInt()).isEqualTo(EVENTS);
			assertThat(learnt.get("counts").get("created").asInt()).isEqualTo(EVENTS);
			assertThat(readOnly(api, integration)).containsEntry(sharedId, true);
			assertThat(radicale.events(rights.sharedCalendar())).hasSize(1);
			// one refused write taught it: the others were not sent
			assertThat(proxy.writesUnder(rights.sharedCalendar().getRawPath())).isEqualTo(1);
			assertThat(api.get("/api/dead-letters?integrationId=" + integration).expect(200).body()).isEmpty();

			rights.writable();
			JsonNode shared = api.syncAndWait(integration);

			assertThat(shared.get("status").asString()).isEqualTo("COMPLETED");
			assertThat(shared.get("counts").get("created").asInt()).isEqualTo(EVENTS);
			assertThat(shared.get("counts").get("readOnlySkipped").asInt()).isZero();
			assertThat(readOnly(api, integration)).containsEntry(sharedId, false);
			assertThat(radicale.events(rights.sharedCalendar())).hasSize(EVENTS + 1);
		}
	}

	private String weddingWithEvents(CalSyncApi api, String tenant, String... calendarIds) {
		String wedding = api
			.post("/api/weddings", Map.of("tenantId", tenant, "title", "Alice & Ben", "weddingDate", "2027-06-12",
					"timeZone", "Europe/London"))
			.expect(201)
			.body()
			.get("id")
			.asString();
		for (String calendarId : calendarIds) {
			api.post("/api/weddings/" + wedding + "/participants",
					Map.of("calendarId", calendarId, "role", "PLANNER", "kinds", List.of("MEETING")))
				.expect(201);
		}
		for (int i = 0; i < EVENTS; i++) {
			api.post("/api/weddings/" + wedding + "/events", Map.of("kind", "MEETING", "summary", "Fitting " + i,
					"start", "2027-05-%02dT10:00".formatted(1 + i), "end", "2027-05-%02dT11:00".formatted(1 + i)))
				.expect(201);
		}
		return wedding;
	}

	private String calendarId(InterceptingProxy proxy, URI calendar) {
		return this.jdbc.queryForObject("SELECT id FROM calendar WHERE href = ?", String.class,
				proxy.baseUrl().resolve(calendar.getRawPath()).toString());
	}

	private int outboxRows(String calendarId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM sync_outbox WHERE calendar_id = CAST(? AS UUID)",
				Integer.class, calendarId);
	}

	private static Map<String, Boolean> readOnly(CalSyncApi api, UUID integration) {
		Map<String, Boolean> readOnly = new java.util.HashMap<>();
		api.get("/api/integrations/" + integration)
			.expect(200)
			.body()
			.get("calendars")
			.forEach((calendar) -> readOnly.put(calendar.get("id").asString(), calendar.get("readOnly").asBoolean()));
		return readOnly;
	}

}
