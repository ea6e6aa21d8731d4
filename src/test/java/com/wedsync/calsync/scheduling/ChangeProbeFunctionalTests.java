package com.wedsync.calsync.scheduling;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import com.wedsync.calsync.batch.CalendarSyncJobFunctionalTestsSupport;
import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.ChangeMarkers;
import com.wedsync.calsync.caldav.RemoteCalendar;
import com.wedsync.calsync.integration.Calendar;
import com.wedsync.calsync.integration.CalendarRepository;
import com.wedsync.calsync.integration.Integration;
import com.wedsync.calsync.integration.IntegrationConnector;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.sync.pull.RemoteChangeDetector;
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

	@Autowired
	IntegrationRepository integrations;

	@Autowired
	IntegrationConnector connector;

	@Autowired
	CalendarRepository calendars;

	@Autowired
	RemoteChangeDetector detector;

	@Autowired
	ChangeProbe probe;

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

	@Test
	void shouldAdoptTheCtagOnTheFirstUnchangedPollAfterASyncThatNeededAReport() {
		assertThat(committedCtag()).as("the import needed a report: no ctag committed").isNull();

		this.polls.pollNow(this.integration);

		assertThat(committedCtag()).isNotNull();
		assertThat(scheduledSyncs()).isEmpty();
	}

	@Test
	void shouldCommitTheListedCtagWhenTheReportEndsWithTheTokenTheListingShowed() {
		this.radicale.putEvent(this.calendar, "f.ics", CalendarSyncJobFunctionalTestsSupport.event("f@x", "F"));

		assertThat(this.api.syncAndWait(this.integration).get("counts").get("created").asInt()).isEqualTo(1);

		assertThat(committedCtag()).as("listed with the token the report ended with").isNotNull();
	}

	/**
	 * Radicale's ctag hashes the calendar's items. A sync lists the calendar (ctag of
	 * X+F), an event E is added before its report, which finds F and E; E is deleted
	 * later, so the calendar shows the listed ctag again. Had that ctag been committed,
	 * the deletion would stay unseen until the next unrelated change.
	 */
	@Test
	void shouldSeeAnEventAddedDuringASyncAndDeletedLaterAsAChange() {
		this.polls.pollNow(this.integration);
		Integration synced = this.integrations.find(this.integration).orElseThrow();
		try (CalDavClient client = this.connector.connect(synced)) {
			this.radicale.putEvent(this.calendar, "f.ics", CalendarSyncJobFunctionalTestsSupport.event("f@x", "F"));
			List<Calendar> before = this.calendars.findByIntegration(this.integration);
			List<RemoteCalendar> listed = client.listCalendars(synced.calendarHomeUrl(),
					Calendar.changeMarkersFor(before));
			Calendar calendar = onlyCalendar(this.calendars.recordListing(this.integration, before, listed));
			URI e = this.calendar.resolve("e.ics");
			this.radicale.putEvent(this.calendar, "e.ics", CalendarSyncJobFunctionalTestsSupport.event("e@x", "E"));
			assertThat(this.detector.detect(client, calendar).changed()).isEqualTo(2);
			this.calendars.commitSyncState(calendar.id(), Instant.now());

			this.radicale.deleteEvent(e);

			assertThat(client.listCalendars(synced.calendarHomeUrl(), ChangeMarkers.CTAG))
				.as("the premise: Radicale lists the ctag of the listing again")
				.extracting(RemoteCalendar::ctag)
				.containsExactly(calendar.pendingCtag());
			assertThat(this.probe.probe(synced)).isEqualTo(ProbeOutcome.CHANGED);
		}
	}

	private String committedCtag() {
		return this.jdbc.queryForObject("SELECT ctag FROM calendar WHERE integration_id = ?", String.class,
				this.integration);
	}

	private Calendar onlyCalendar(List<Calendar> calendars) {
		assertThat(calendars).hasSize(1);
		return calendars.get(0);
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
