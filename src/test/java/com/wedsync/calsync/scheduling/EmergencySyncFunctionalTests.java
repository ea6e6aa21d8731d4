package com.wedsync.calsync.scheduling;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.batch.CalendarSyncJobFunctionalTestsSupport;
import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Emergency syncs on a real Radicale: requested through the API they run at once and
 * coalesce; a platform edit of tomorrow's event sends it to the participants' calendars
 * without waiting for a poll.
 */
@ApplicationTest
class EmergencySyncFunctionalTests {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	CalSyncApi api;

	CalDavTestServer radicale;

	URI calendar;

	UUID integration;

	@BeforeEach
	void givenAConnectedAccount() {
		this.api = new CalSyncApi(this.port);
		this.radicale = CalDavTestServers.radicale();
		this.radicale.removeAllCalendars();
		this.calendar = this.radicale.createCalendar("emergency-" + UUID.randomUUID().toString().substring(0, 6));
		CalendarSyncJobFunctionalTestsSupport.putFixtures(this.radicale, this.calendar);
		this.integration = this.api.connect(this.radicale, "tenant-emergency");
	}

	@Test
	void shouldRunAnEmergencySyncAtOnceAndJoinASecondRequestToIt() {
		Instant requested = Instant.now();
		JsonNode first = emergency();
		JsonNode second = emergency();

		assertThat(second.get("syncId").asString()).isEqualTo(first.get("syncId").asString());
		JsonNode report = this.api.awaitEnd(first.get("syncId").asString());
		Duration toEnd = Duration.between(requested, Instant.now());
		assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(report.get("trigger").asString()).isEqualTo("EMERGENCY");
		assertThat(report.get("priority").asString()).isEqualTo("EMERGENCY");
		assertThat(report.get("counts").get("created").asInt()).isEqualTo(4);
		assertThat(toEnd).as("request to completed emergency sync").isLessThan(Duration.ofSeconds(10));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM sync_run WHERE integration_id = ?", Long.class,
				this.integration))
			.isEqualTo(1);
		// Quartz deletes a fired one-shot trigger when its job returns, which may be just
		// after the sync it ran is recorded as completed.
		Awaitility.await("the one-shot trigger is gone once fired")
			.atMost(Duration.ofSeconds(5))
			.until(this::emergencyTriggerRows, (rows) -> rows == 0);
		System.out.println("Emergency sync, request to COMPLETED: " + toEnd.toMillis() + " ms");
	}

	@Test
	void shouldSendAnEditOfTomorrowsEventToTheParticipantsAtOnce() {
		this.api.syncAndWait(this.integration);
		String wedding = wedding(LocalDate.now(LONDON).plusDays(1));
		String tomorrow = LocalDate.now(LONDON).plusDays(1).toString();
		String ceremony = event(wedding, "Ceremony", tomorrow + "T14:00", tomorrow + "T15:00");
		awaitEmergencySyncs(1);

		this.api.patch("/api/events/" + ceremony, Map.of("location", "St Mary's, side door")).expect(200);
		awaitEmergencySyncs(2);

		assertThat(this.radicale.events(this.calendar).values())
			.anyMatch((ics) -> ics.contains("SUMMARY:Ceremony") && ics.contains("LOCATION:St Mary's\\, side door"));
	}

	@Test
	void shouldLeaveAnEditOfANextYearsEventToThePoll() {
		this.api.syncAndWait(this.integration);
		String wedding = wedding(LocalDate.now(LONDON).plusYears(1));
		String nextYear = LocalDate.now(LONDON).plusYears(1).toString();
		String ceremony = event(wedding, "Ceremony", nextYear + "T14:00", nextYear + "T15:00");

		this.api.patch("/api/events/" + ceremony, Map.of("location", "Town hall")).expect(200);

		// the listener runs before the API answers: no run now means none at all
		assertThat(emergencyRuns()).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM sync_outbox", Long.class)).isEqualTo(1);
	}

	@Test
	void shouldRefuseToStopASyncThatIsNotRunning() {
		String syncId = this.api.syncAndWait(this.integration).get("syncId").asString();

		CalSyncApi.Response refused = this.api.post("/api/syncs/" + syncId + "/stop", Map.of());

		refused.expect(409);
		assertThat(refused.contentType()).contains("application/problem+json");
		assertThat(refused.body().get("status").asString()).isEqualTo("COMPLETED");
		this.api.post("/api/syncs/" + UUID.randomUUID() + "/stop", Map.of()).expect(404);
	}

	private JsonNode emergency() {
		return this.api
			.post("/api/integrations/" + this.integration + "/syncs",
					Map.of("priority", "EMERGENCY", "reason", "florist moved"))
			.expect(202)
			.body();
	}

	private String wedding(LocalDate date) {
		String wedding = this.api
			.post("/api/weddings", Map.of("tenantId", "tenant-emergency", "title", "E & F", "weddingDate",
					date.toString(), "timeZone", LONDON.getId()))
			.expect(201)
			.body()
			.get("id")
			.asString();
		String calendarId = this.jdbc.queryForObject("SELECT CAST(id AS VARCHAR) FROM calendar WHERE href = ?",
				String.class, this.calendar.toString());
		this.api
			.post("/api/weddings/" + wedding + "/participants",
					Map.of("calendarId", calendarId, "role", "COUPLE", "kinds", List.of("CEREMONY", "MEETING")))
			.expect(201);
		return wedding;
	}

	private String event(String wedding, String summary, String start, String end) {
		return this.api
			.post("/api/weddings/" + wedding + "/events",
					Map.of("kind", "CEREMONY", "summary", summary, "location", "St Mary's", "start", start, "end", end))
			.expect(201)
			.body()
			.get("id")
			.asString();
	}

	private void awaitEmergencySyncs(int count) {
		PollJobs.await(count + " completed emergency sync(s)",
				() -> emergencyRuns().stream().filter("COMPLETED"::equals).count() == count
						&& emergencyRuns().size() == count);
	}

	private List<String> emergencyRuns() {
		return this.jdbc
			.queryForList("SELECT status FROM sync_run WHERE integration_id = ? AND trigger_type = 'EMERGENCY' "
					+ "AND priority = 'EMERGENCY' ORDER BY requested_at", String.class, this.integration);
	}

	private long emergencyTriggerRows() {
		return this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_group = 'emergency' AND trigger_name = ?", Long.class,
				this.integration.toString());
	}

}
