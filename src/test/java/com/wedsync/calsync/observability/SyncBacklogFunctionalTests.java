package com.wedsync.calsync.observability;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
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
 * The lag gauges and health follow the database: a platform change waiting longer than
 * two poll intervals puts its integration behind and the backlog DEGRADED; a scheduler in
 * standby with an overdue poll trigger shows the node's scheduler DOWN, the trigger
 * misfired and the integration behind.
 */
@ApplicationTest
class SyncBacklogFunctionalTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Scheduler scheduler;

	@Autowired
	SyncBacklogRepository backlog;

	@Autowired
	SchedulerState schedulerState;

	CalSyncApi api;

	UUID integration;

	@BeforeEach
	void setUp() {
		this.api = new CalSyncApi(this.port);
		CalDavTestServer radicale = CalDavTestServers.radicale();
		radicale.removeAllCalendars();
		radicale.createCalendar("backlog");
		this.integration = this.api.connect(radicale, "tenant-backlog");
		this.api.syncAndWait(this.integration);
	}

	@Test
	void shouldPutAnIntegrationBehindWhenAPlatformChangeWaitsLongerThanTwoIntervals() throws Exception {
		String calendarId = this.jdbc.queryForObject(
				"SELECT CAST(id AS VARCHAR) FROM calendar WHERE integration_id = ?", String.class, this.integration);
		String wedding = this.api
			.post("/api/weddings", Map.of("tenantId", "tenant-backlog", "title", "Backlog", "weddingDate", "2027-06-12",
					"timeZone", "Europe/London"))
			.expect(201)
			.body()
			.get("id")
			.asString();
		this.api.post("/api/weddings/" + wedding + "/participants", Map.of("calendarId", calendarId, "role", "PLANNER"))
			.expect(201);
		this.api
			.post("/api/weddings/" + wedding + "/events", Map.of("kind", "MEETING", "summary", "Waiting", "start",
					"2027-05-01T10:00", "end", "2027-05-01T11:00"))
			.expect(201);
		assertThat(awaitSnapshot().outboxBacklog()).isEqualTo(1);
		assertThat(awaitSnapshot().integrationsBehind()).isZero();

		// default poll interval 300 s: an hour is well past two intervals
		this.jdbc.update("UPDATE sync_outbox SET created_at = ?",
				OffsetDateTime.now(ZoneOffset.UTC).minus(Duration.ofHours(1)));

		SyncBacklog late = awaitSnapshot();
		assertThat(late.integrationsBehind()).isEqualTo(1);
		assertThat(late.lag()).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
		JsonNode health = this.api.get("/actuator/health").expect(200).body();
		assertThat(health.get("status").asString()).isEqualTo("DEGRADED");
		assertThat(health.get("components").get("syncBacklog").get("status").asString()).isEqualTo("DEGRADED");
		assertThat(metric("calsync_integrations_behind")).isEqualTo("1.0");
	}

	@Test
	void shouldReportAStoppedSchedulerAndItsOverduePollTrigger() throws Exception {
		this.scheduler.standby();
		String poll = "trigger_name = '" + this.integration + "' AND trigger_group = 'integration-poll'";
		int misfireInstruction = this.jdbc.queryForObject("SELECT misfire_instr FROM qrtz_triggers WHERE " + poll,
				Integer.class);
		try {
			long anHourAgo = Instant.now().minus(Duration.ofHours(1)).toEpochMilli();
			// Quartz's misfire handler runs in standby too and would move the trigger to
			// now
			// whenever its minute comes round; it leaves alone the "ignore misfires"
			// policy.
			assertThat(this.jdbc.update("UPDATE qrtz_triggers SET next_fire_time = ?, misfire_instr = -1 WHERE " + poll,
					anHourAgo))
				.isEqualTo(1);

			assertThat(this.schedulerState.isRunning()).isFalse();
			assertThat(this.schedulerState.misfiredTriggers()).isGreaterThanOrEqualTo(1);
			assertThat(awaitSnapshot().integrationsBehind()).isEqualTo(1);
			CalSyncApi.Response health = this.api.get("/actuator/health");
			assertThat(health.status()).isEqualTo(503);
			assertThat(health.body().get("components").get("scheduler").get("status").asString()).isEqualTo("DOWN");
			assertThat(this.api.get("/actuator/health/readiness").status()).isEqualTo(503);
			assertThat(this.api.get("/actuator/health/liveness").status()).isEqualTo(200);
			assertThat(metric("calsync_scheduler_running")).isEqualTo("0.0");
		}
		finally {
			this.jdbc.update("UPDATE qrtz_triggers SET misfire_instr = ? WHERE " + poll, misfireInstruction);
			this.scheduler.start();
		}
		assertThat(metric("calsync_scheduler_running")).isEqualTo("1.0");
	}

	/** A snapshot taken after the cached one expired. */
	private SyncBacklog awaitSnapshot() throws InterruptedException {
		Thread.sleep(1100);
		return this.backlog.snapshot();
	}

	private String metric(String name) throws Exception {
		Thread.sleep(1100);
		java.net.http.HttpResponse<String> scrape = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/actuator/prometheus"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		return scrape.body()
			.lines()
			.filter((line) -> line.startsWith(name + " "))
			.map((line) -> line.substring(name.length() + 1))
			.findFirst()
			.orElse("absent");
	}

}
