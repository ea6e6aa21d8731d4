package com.wedsync.calsync.batch;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sync that fails between fetch and commit — here a database fault injected with a
 * PostgreSQL trigger in the middle of applying — restarts from where it failed and ends
 * with the same data as a run that never failed. Also: an item that is bad in itself is
 * parked as a dead letter while the rest syncs on.
 */
@ApplicationTest
class SyncRestartFunctionalTests {

	private static final String POISON_UID = "event-09@restart.example";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	CalSyncApi api;

	@BeforeEach
	void setUp() {
		this.api = new CalSyncApi(this.port);
	}

	@AfterEach
	void removeFault() {
		this.jdbc.execute("DROP TRIGGER IF EXISTS calsync_test_fault ON wedding_event");
	}

	static List<CalDavTestServer> servers() {
		return CalDavTestServers.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldRestartFailedSyncFromTheFailedChunkAndEndLikeAnUninterruptedRun(CalDavTestServer server) {
		server.removeAllCalendars();
		URI calendar = server.createCalendar("restart");
		for (int i = 1; i <= 12; i++) {
			String uid = "event-%02d@restart.example".formatted(i);
			server.putEvent(calendar, "event-%02d.ics".formatted(i),
					CalendarSyncJobFunctionalTests.simpleEvent(uid, "Event " + i));
		}
		UUID interrupted = this.api.connect(server, "tenant-interrupted");
		UUID uninterrupted = this.api.connect(server, "tenant-uninterrupted");
		injectFaultOnInsertOf(POISON_UID);

		JsonNode failed = this.api.syncAndWait(interrupted);

		assertThat(failed.get("status").asString()).isEqualTo("FAILED");
		assertThat(failed.get("exitMessage").asString()).contains("injected fault");
		assertThat(events("tenant-interrupted")).hasSizeBetween(1, 11).doesNotContainKey(POISON_UID);
		assertThat(committedTokens(interrupted)).containsOnlyNulls();

		removeFault();
		JsonNode restarted = this.api.post("/api/syncs/" + failed.get("syncId").asString() + "/restart", Map.of())
			.expect(202)
			.body();
		JsonNode completed = this.api.awaitEnd(restarted.get("syncId").asString());
		this.api.syncAndWait(uninterrupted);

		assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(completed.get("jobExecutionId").asLong()).isNotEqualTo(failed.get("jobExecutionId").asLong());
		// completed steps are not run again: the restart continues with the failed one
		assertThat(completed.get("steps").findValuesAsString("name")).containsExactly("reconcile-other",
				"commitSyncState");
		assertThat(completed.get("counts").get("created").asInt()).isEqualTo(12);
		assertThat(events("tenant-interrupted")).hasSize(12).isEqualTo(events("tenant-uninterrupted"));
		assertThat(committedTokens(interrupted)).doesNotContainNull();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void shouldParkAnUnreadableEventAsDeadLetterAndSyncTheRest(CalDavTestServer server) {
		server.removeAllCalendars();
		URI calendar = server.createCalendar("dead-letter");
		server.putEvent(calendar, "good.ics", CalendarSyncJobFunctionalTests.simpleEvent("good@x", "Good"));
		// Both servers store it; calsync refuses objects over its 1 MiB limit.
		String huge = "DESCRIPTION:" + "x".repeat(70) + "\r\n" + (" " + "x".repeat(70) + "\r\n").repeat(16_000);
		server.putEvent(calendar, "bad.ics", CalendarSyncJobFunctionalTests.simpleEvent("bad@x", "Bad")
			.replace("SUMMARY:Bad\r\n", "SUMMARY:Bad\r\n" + huge));
		UUID integration = this.api.connect(server, "tenant-a");

		JsonNode report = this.api.syncAndWait(integration);

		assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(report.get("counts").get("created").asInt()).isEqualTo(1);
		assertThat(report.get("counts").get("deadLettered").asInt()).isEqualTo(1);
		Map<String, Object> letter = this.jdbc
			.queryForMap("SELECT href, step, error_class, error_message, payload, status FROM dead_letter");
		assertThat(letter.get("href").toString()).endsWith("bad.ics");
		assertThat(letter.get("error_class").toString()).endsWith("InvalidICalendarException");
		assertThat(letter.get("error_message").toString()).containsIgnoringCase("limit");
		assertThat(letter.get("payload").toString()).contains("UID:bad@x");
		assertThat(letter.get("status")).isEqualTo("OPEN");
		// the bad item is parked, so the calendar's token moves on
		assertThat(committedTokens(integration)).doesNotContainNull();
		assertThat(this.api.syncAndWait(integration).get("counts").get("read").asInt()).isZero();
	}

	private void injectFaultOnInsertOf(String uid) {
		this.jdbc.execute("""
				CREATE OR REPLACE FUNCTION calsync_test_fault() RETURNS trigger AS $$
				BEGIN
				  IF NEW.uid = '%s' THEN RAISE EXCEPTION 'injected fault'; END IF;
				  RETURN NEW;
				END $$ LANGUAGE plpgsql""".formatted(uid));
		this.jdbc.execute("CREATE TRIGGER calsync_test_fault BEFORE INSERT ON wedding_event "
				+ "FOR EACH ROW EXECUTE FUNCTION calsync_test_fault()");
	}

	private Map<String, String> events(String tenant) {
		Map<String, String> events = new java.util.TreeMap<>();
		this.jdbc.query("SELECT uid, summary, start_at, end_at, content_hash, version, deleted FROM wedding_event "
				+ "WHERE tenant_id = ?", (rs) -> {
					events.put(rs.getString("uid"),
							rs.getString("summary") + "|" + rs.getString("start_at") + "|" + rs.getString("end_at")
									+ "|" + rs.getString("content_hash") + "|" + rs.getLong("version") + "|"
									+ rs.getBoolean("deleted"));
				}, tenant);
		return events;
	}

	private List<String> committedTokens(UUID integration) {
		return this.jdbc.queryForList("SELECT sync_token FROM calendar WHERE integration_id = ?", String.class,
				integration);
	}

}
