package com.wedsync.calsync.scheduling;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

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
 * Every integration has its poll trigger in the clustered job store, and the trigger
 * follows the integration through the API: created, paused, resumed, rescheduled,
 * removed; and a poll that fires syncs the integration.
 */
@ApplicationTest
class IntegrationScheduleFunctionalTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Scheduler scheduler;

	@Autowired
	MeterRegistry meters;

	@Autowired
	IntegrationScheduleFollower follower;

	CalSyncApi api;

	CalDavTestServer radicale;

	@BeforeEach
	void setUp() {
		this.api = new CalSyncApi(this.port);
		this.radicale = CalDavTestServers.radicale();
	}

	@Test
	void shouldScheduleAPollTriggerAtTheIntegrationsIntervalWhenConnected() {
		UUID integration = connect(600);

		Map<String, Object> trigger = pollTrigger(integration);
		assertThat(trigger.get("trigger_state")).isEqualTo("WAITING");
		assertThat(trigger.get("repeat_interval")).isEqualTo(600_000L);
		assertThat(trigger.get("repeat_count")).isEqualTo(-1L);
		assertThat(trigger.get("priority")).isEqualTo(IntegrationSchedule.POLL_PRIORITY);
		assertThat(((Number) trigger.get("next_fire_time")).longValue() - System.currentTimeMillis())
			.isBetween(590_000L, 600_000L);
		Map<String, Object> job = this.jdbc.queryForMap(
				"SELECT job_class_name, is_nonconcurrent, requests_recovery, is_durable FROM qrtz_job_details "
						+ "WHERE sched_name = 'calsync' AND job_name = ? AND job_group = 'integration-poll'",
				integration.toString());
		assertThat(job.get("job_class_name")).isEqualTo(IntegrationPollJob.class.getName());
		assertThat(job.get("is_nonconcurrent")).isEqualTo(true);
		assertThat(job.get("requests_recovery")).isEqualTo(true);
	}

	@Test
	void shouldPauseResumeRescheduleAndRemoveTheTriggerWithTheIntegration() {
		UUID integration = connect(600);

		patch(integration, Map.of("status", "PAUSED"));
		assertThat(pollTrigger(integration).get("trigger_state")).isEqualTo("PAUSED");

		patch(integration, Map.of("status", "ACTIVE"));
		assertThat(pollTrigger(integration).get("trigger_state")).isEqualTo("WAITING");

		patch(integration, Map.of("pollIntervalSeconds", 900));
		assertThat(pollTrigger(integration).get("repeat_interval")).isEqualTo(900_000L);
		assertThat(pollTrigger(integration).get("trigger_state")).isEqualTo("WAITING");

		this.api.delete("/api/integrations/" + integration).expect(204);
		assertThat(count("SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_name = ?", integration)).isZero();
		assertThat(count("SELECT COUNT(*) FROM qrtz_job_details WHERE job_name = ?", integration)).isZero();
	}

	@Test
	void shouldReconcileJobsAtStartupIdempotently() {
		UUID integration = connect(600);
		UUID orphan = UUID.randomUUID();
		this.jdbc.update("DELETE FROM qrtz_simple_triggers WHERE trigger_name = ?", integration.toString());
		this.jdbc.update("DELETE FROM qrtz_triggers WHERE trigger_name = ?", integration.toString());
		this.jdbc.update("DELETE FROM qrtz_job_details WHERE job_name = ?", integration.toString());
		this.jdbc.update("INSERT INTO qrtz_job_details (sched_name, job_name, job_group, job_class_name, is_durable, "
				+ "is_nonconcurrent, is_update_data, requests_recovery) VALUES ('calsync', ?, 'integration-poll', ?, "
				+ "TRUE, TRUE, FALSE, TRUE)", orphan.toString(), IntegrationPollJob.class.getName());

		this.follower.reconcile();
		this.follower.reconcile();

		assertThat(pollTrigger(integration).get("repeat_interval")).isEqualTo(600_000L);
		assertThat(count("SELECT COUNT(*) FROM qrtz_triggers WHERE job_name = ?", integration)).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM qrtz_job_details WHERE job_name = ?", orphan)).isZero();
	}

	@Test
	void shouldSyncWhenThePollFires() {
		this.radicale.removeAllCalendars();
		CalendarSyncJobFunctionalTestsSupport.putFixtures(this.radicale, this.radicale.createCalendar("polled"));
		UUID integration = connect(600);

		new PollJobs(this.scheduler, this.meters).pollNow(integration);

		List<Map<String, Object>> runs = this.jdbc.queryForList(
				"SELECT trigger_type, status, created_count FROM sync_run WHERE integration_id = ?", integration);
		assertThat(runs).hasSize(1);
		assertThat(runs.get(0)).containsEntry("trigger_type", "SCHEDULED")
			.containsEntry("status", "COMPLETED")
			.containsEntry("created_count", 4);
	}

	@Test
	void shouldStopPollingWhenTheServerRefusesTheCredentials() {
		UUID integration = this.api.connect(this.radicale, "tenant-schedule");
		// the home is known, so the poll probes it (with the password replaced below)
		this.jdbc.update("UPDATE integration SET calendar_home_url = ? WHERE id = ?",
				this.radicale.calendarHome().toString(), integration);
		this.api.patch("/api/integrations/" + integration, Map.of("password", "wrong-password")).expect(200);
		PollJobs polls = new PollJobs(this.scheduler, this.meters);
		double failed = polls.probes("failed");

		polls.pollNow(integration);

		assertThat(polls.probes("failed") - failed).isEqualTo(1);
		assertThat(this.api.get("/api/integrations/" + integration).expect(200).body().get("status").asString())
			.isEqualTo("AUTH_FAILED");
		assertThat(count("SELECT COUNT(*) FROM qrtz_job_details WHERE job_name = ?", integration)).isZero();
		assertThat(count("SELECT COUNT(*) FROM sync_run WHERE integration_id = CAST(? AS UUID)", integration)).isZero();
	}

	private UUID connect(int pollIntervalSeconds) {
		return UUID.fromString(this.api
			.post("/api/integrations",
					Map.of("tenantId", "tenant-schedule", "provider", "CALDAV", "serverUrl",
							this.radicale.baseUrl().toString(), "username", this.radicale.username(), "password",
							this.radicale.password(), "pollIntervalSeconds", pollIntervalSeconds))
			.expect(201)
			.body()
			.get("id")
			.asString());
	}

	private void patch(UUID integration, Map<String, Object> body) {
		this.api.patch("/api/integrations/" + integration, body).expect(200);
	}

	private Map<String, Object> pollTrigger(UUID integration) {
		return this.jdbc.queryForMap("SELECT t.trigger_state, t.priority, t.next_fire_time, s.repeat_interval, "
				+ "s.repeat_count FROM qrtz_triggers t JOIN qrtz_simple_triggers s ON s.sched_name = t.sched_name "
				+ "AND s.trigger_name = t.trigger_name AND s.trigger_group = t.trigger_group "
				+ "WHERE t.sched_name = 'calsync' AND t.trigger_group = 'integration-poll' AND t.trigger_name = ?",
				integration.toString());
	}

	private long count(String sql, UUID id) {
		return this.jdbc.queryForObject(sql, Long.class, id.toString());
	}

}
