package com.wedsync.calsync.batch;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;
import com.wedsync.calsync.testpeers.InterceptingProxy;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One write a server refuses (a value it cannot hold, a calendar it will not let us
 * write, a type it does not take) is that event's failure, not the sync's: of 50 events
 * pushed, 49 are written, the refused one is parked as a dead letter with the server's
 * answer, the sync completes, the next one completes without sending the refused write
 * again, and a replay writes it once the server takes it. The 403 comes from a proxy in
 * front of a calendar whose privileges grant write, so it is the item's refusal, not a
 * read-only calendar's (see {@code ReadOnlyCalendarFunctionalTests}).
 */
@ApplicationTest
class RefusedWritesFunctionalTests {

	private static final int EVENTS = 50;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@ParameterizedTest(name = "HTTP {0}")
	@CsvSource({ "400, invalid calendar data: DTSTART out of range", "403, this calendar is read-only",
			"415, unsupported calendar component" })
	@Timeout(240)
	void shouldParkTheOneRefusedWriteAndWriteTheOtherFortyNine(int status, String answer) {
		CalSyncApi api = new CalSyncApi(this.port);
		CalDavTestServer radicale = CalDavTestServers.radicale();
		String tenant = "tenant-refused-" + status;
		URI calendar = radicale.createCalendar("planner-" + UUID.randomUUID().toString().substring(0, 6));
		try (InterceptingProxy proxy = new InterceptingProxy(radicale.baseUrl())) {
			UUID integration = api.connect(radicale, proxy.baseUrl(), tenant);
			api.syncAndWait(integration);
			String wedding = api
				.post("/api/weddings", Map.of("tenantId", tenant, "title", "Alice & Ben", "weddingDate", "2027-06-12",
						"timeZone", "Europe/London"))
				.expect(201)
				.body()
				.get("id")
				.asString();
			String calendarId = this.jdbc.queryForObject("SELECT id FROM calendar WHERE href = ?", String.class,
					proxy.baseUrl().resolve(calendar.getRawPath()).toString());
			api.post("/api/weddings/" + wedding + "/participants",
					Map.of("calendarId", calendarId, "role", "PLANNER", "kinds", List.of("MEETING")))
				.expect(201);
			List<String> uids = new ArrayList<>();
			for (int i = 0; i < EVENTS; i++) {
				uids.add(api
					.post("/api/weddings/" + wedding + "/events",
							Map.of("kind", "MEETING", "summary", "Fitting " + i, "start",
									"2027-05-%02dT10:00".formatted(1 + i % 28), "end",
									"2027-05-%02dT11:00".formatted(1 + i % 28)))
					.expect(201)
					.body()
					.get("uid")
					.asString());
			}
			String refused = uids.get(EVENTS / 2);
			proxy.refusePuts(refused.replaceAll("[^A-Za-z0-9._-]", "_") + ".ics", status, answer);

			JsonNode first = api.syncAndWait(integration);

			assertThat(first.get("status").asString()).isEqualTo("COMPLETED");
			assertThat(first.get("counts").get("created").asInt()).isEqualTo(EVENTS - 1);
			assertThat(first.get("counts").get("deadLettered").asInt()).isEqualTo(1);
			assertThat(radicale.events(calendar)).hasSize(EVENTS - 1);
			JsonNode letters = api.get("/api/dead-letters?integrationId=" + integration).expect(200).body();
			assertThat(letters).hasSize(1);
			JsonNode letter = letters.get(0);
			assertThat(letter.get("uid").asString()).isEqualTo(refused);
			assertThat(letter.get("calendarId").asString()).isEqualTo(calendarId);
			assertThat(letter.get("status").asString()).isEqualTo("OPEN");
			assertThat(letter.get("errorMessage").asString()).contains("HTTP " + status)
				.contains("the server answered: " + answer);
			assertThat(api.get("/api/dead-letters/" + letter.get("id").asString())
				.expect(200)
				.body()
				.get("payload")
				.asString()).contains("UID:" + refused);

			JsonNode next = api.syncAndWait(integration);

			assertThat(next.get("status").asString()).isEqualTo("COMPLETED");
			assertThat(next.get("counts").get("created").asInt()).isZero();
			assertThat(next.get("counts").get("deadLettered").asInt()).isZero();
			assertThat(api.get("/api/dead-letters/" + letter.get("id").asString())
				.expect(200)
				.body()
				.get("attempts")
				.asInt()).isEqualTo(1);

			proxy.stopRefusing();
			String replay = api.post("/api/dead-letters/" + letter.get("id").asString() + "/replay", Map.of())
				.expect(202)
				.body()
				.get("syncId")
				.asString();
			assertThat(api.awaitEnd(replay).get("status").asString()).isEqualTo("COMPLETED");
			assertThat(radicale.events(calendar)).hasSize(EVENTS);
			assertThat(api.get("/api/dead-letters/" + letter.get("id").asString())
				.expect(200)
				.body()
				.get("status")
				.asString()).isEqualTo("RESOLVED");
		}
	}

}
