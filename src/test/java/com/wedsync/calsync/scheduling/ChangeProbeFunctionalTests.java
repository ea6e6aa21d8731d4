package com.wedsync.calsync.scheduling;

import java.net.URI;
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
 * The poll of a synced integration on a real Radicale: one PROPFIND and nothing else when
 * nothing changed, a sync when the server or the platform has something new.
 */
@ApplicationTest
class ChangeProbeFunctionalTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Scheduler scheduler;

	@Autowired
	MeterRegistry meters;

	CalSyncApi api;

	PollJobs polls;

	CalDavTestServer radicale;

	URI calendar;

	UUID integration;

	@BeforeEach
	void givenAFullySyncedIntegration() {
		this.api = new CalSyncApi(this.port);
		this.polls = new PollJobs(this.scheduler, this.meters);
		this.radicale = CalDavTestServers.radicale();
		this.radicale.removeAllCalendars();
		this.calendar = this.radicale.createCalendar("probe-" + UUID.randomUUID().toString().substring(0, 6));
		CalendarSyncJobFunctionalTestsSupport.putFixtures(this.radicale, this.calendar);
		this.integration = this.api.connect(this.radicale, "tenant-probe");
		assertThat(this.api.syncAndWait(this.integration).get("status").asString()).isEqualTo("COMPLETED");
	}

	@Test
	void shouldCostOneRequestAndWriteNothingWhenNothingChanged() {
		double requests = this.polls.caldavRequests();
		double unchanged = this.polls.probes("unchanged");
		long jobExecutions = count("SELECT COUNT(*) FROM batch_job_execution");
		long syncRuns = syncRuns();

		this.polls.pollNow(this.integration);

		assertThat(this.polls.caldavRequests() - requests).as("CalDAV requests of an unchanged poll").isEqualTo(1);
		assertThat(this.polls.probes("unchanged") - unchanged).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM batch_job_execution")).isEqualTo(jobExecutions);
		assertThat(syncRuns()).isEqualTo(syncRuns);
	}

	@Test
	void shouldSyncWhenAnEventWasAddedOnTheServer() {
		double changed = this.polls.probes("changed");
		this.radicale.putEvent(this.calendar, "added-on-phone.ics", """
				BEGIN:VCALENDAR\r
				VERSION:2.0\r
				PRODID:-//Apple Inc.//iPhone OS 17.4//EN\r
				BEGIN:VEVENT\r
				UID:added-on-phone@example.com\r
				DTSTAMP:20270101T000000Z\r
				DTSTART:20270612T090000Z\r
				DTEND:20270612T100000Z\r
				SUMMARY:Hair and make-up\r
				END:VEVENT\r
				END:VCALENDAR\r
				""");

		this.polls.pollNow(this.integration);

		assertThat(this.polls.probes("changed") - changed).isEqualTo(1);
		assertThat(scheduledSyncs()).containsExactly("COMPLETED");
		assertThat(count("SELECT COUNT(*) FROM wedding_event WHERE uid = 'added-on-phone@example.com'")).isEqualTo(1);
	}

	@Test
	void shouldSyncWhenOnlyPlatformChangesArePending() {
		String wedding = this.api
			.post("/api/weddings", Map.of("tenantId", "tenant-probe", "title", "C & D", "weddingDate", "2027-06-12",
					"timeZone", "Europe/London"))
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
		this.api
			.post("/api/weddings/" + wedding + "/events", Map.of("kind", "MEETING", "summary", "Cake tasting", "start",
					"2027-04-10T11:00", "end", "2027-04-10T12:00"))
			.expect(201);
		assertThat(count("SELECT COUNT(*) FROM sync_outbox")).isEqualTo(1);

		this.polls.pollNow(this.integration);

		assertThat(scheduledSyncs()).containsExactly("COMPLETED");
		assertThat(count("SELECT COUNT(*) FROM sync_outbox")).isZero();
		assertThat(this.radicale.events(this.calendar).values())
			.anyMatch((ics) -> ics.contains("SUMMARY:Cake tasting"));
	}

	private List<String> scheduledSyncs() {
		return this.jdbc.queryForList(
				"SELECT status FROM sync_run WHERE integration_id = ? AND trigger_type = 'SCHEDULED' AND reason = 'poll'",
				String.class, this.integration);
	}

	private long syncRuns() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM sync_run WHERE integration_id = ?", Long.class,
				this.integration);
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

}
