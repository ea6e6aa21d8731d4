package com.wedsync.calsync.batch;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.ical.CalendarObjectParser;
import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;
import com.wedsync.calsync.testpeers.InterceptingProxy;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A sync holds no database transaction, and no lock on the event, while one of its writes
 * is on its way to a calendar: a PUT held in a proxy leaves the platform free to edit
 * that very event, and the edit made meanwhile is not lost — the next sync writes it.
 */
@ApplicationTest
class WritesOutsideTransactionsFunctionalTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CalendarObjectParser parser;

	@Test
	@Timeout(180)
	void shouldLeaveTheEventFreeWhileItsWriteIsInFlightAndWriteAnEditMadeMeanwhileNext() {
		CalSyncApi api = new CalSyncApi(this.port);
		CalDavTestServer radicale = CalDavTestServers.radicale();
		URI calendar = radicale.createCalendar("planner-" + UUID.randomUUID().toString().substring(0, 6));
		try (InterceptingProxy proxy = new InterceptingProxy(radicale.baseUrl())) {
			UUID integration = api.connect(radicale, proxy.baseUrl(), "tenant-held");
			api.syncAndWait(integration);
			String wedding = api
				.post("/api/weddings",
						Map.of("tenantId", "tenant-held", "title", "Alice & Ben", "weddingDate", "2027-06-12",
								"timeZone", "Europe/London"))
				.expect(201)
				.body()
				.get("id")
				.asString();
			api.post("/api/weddings/" + wedding + "/participants", Map.of("calendarId", calendarId(proxy, calendar),
					"role", "PLANNER", "kinds", List.of("CEREMONY", "MEETING", "DEADLINE", "OTHER")))
				.expect(201);
			String event = api
				.post("/api/weddings/" + wedding + "/events", Map.of("kind", "MEETING", "summary", "Cake tasting",
						"start", "2027-04-10T11:00", "end", "2027-04-10T12:00"))
				.expect(201)
				.body()
				.get("id")
				.asString();

			proxy.holdNextPut();
			String sync = api.post("/api/integrations/" + integration + "/syncs", Map.of("reason", "test"))
				.expect(202)
				.body()
				.get("syncId")
				.asString();
			await().atMost(Duration.ofSeconds(60)).until(proxy::holding);
			int puts = proxy.puts();
			Timestamp heldSince = this.jdbc.queryForObject("SELECT now()", Timestamp.class);

			// If the sync held the event's row while writing it, the edit would wait
			// until
			// the service gave up on the held PUT and sent it again.
			api.patch("/api/events/" + event, Map.of("summary", "Cake tasting (moved)")).expect(200);
			await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(proxy::holding);
			assertThat(transactionsOpenSince(heldSince)).as("transactions open across the PUT").isEmpty();
			assertThat(proxy.puts()).as("the same PUT still in flight").isEqualTo(puts);

			proxy.release();
			JsonNode first = api.awaitEnd(sync);
			assertThat(first.get("status").asString()).isEqualTo("COMPLETED");
			assertThat(summaries(radicale, calendar)).containsExactly("Cake tasting");

			api.syncAndWait(integration);
			assertThat(summaries(radicale, calendar)).containsExactly("Cake tasting (moved)");
		}
	}

	/**
	 * Sessions of the service with a transaction begun before the instant, still open.
	 */
	private List<String> transactionsOpenSince(Timestamp since) {
		return this.jdbc.queryForList(
				"SELECT state || ': ' || query FROM pg_stat_activity WHERE datname = current_database() "
						+ "AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND xact_start < ?",
				String.class, since);
	}

	/** The calendar as the service knows it: through the proxy. */
	private String calendarId(InterceptingProxy proxy, URI calendar) {
		return this.jdbc.queryForObject("SELECT id FROM calendar WHERE href = ?", String.class,
				proxy.baseUrl().resolve(calendar.getRawPath()).toString());
	}

	private List<String> summaries(CalDavTestServer server, URI calendar) {
		return server.events(calendar).values().stream().map((ics) -> this.parser.parse(ics).summary()).toList();
	}

}
