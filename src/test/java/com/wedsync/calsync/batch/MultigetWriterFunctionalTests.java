package com.wedsync.calsync.batch;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.wedsync.calsync.deadletter.DeadLetterRepository;
import com.wedsync.calsync.ical.CalendarObjectParser;
import com.wedsync.calsync.integration.Calendar;
import com.wedsync.calsync.integration.CalendarRepository;
import com.wedsync.calsync.integration.IntegrationConnector;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.observability.SkippedItems;
import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.sync.staging.StagedChange;
import com.wedsync.calsync.sync.staging.StagingState;
import com.wedsync.calsync.sync.staging.SyncStagingRepository;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fetch step's writer against a real Radicale: a body that is not the version the
 * report listed (another ETag, or gone) means the calendar changed after its report, so
 * calsync is ahead of the token it will commit; the version the report listed is not.
 */
@ApplicationTest
class MultigetWriterFunctionalTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IntegrationRepository integrations;

	@Autowired
	CalendarRepository calendars;

	@Autowired
	IntegrationConnector connector;

	@Autowired
	SyncStagingRepository staging;

	@Autowired
	CalendarObjectParser parser;

	@Autowired
	DeadLetterRepository deadLetters;

	@Autowired
	SkippedItems skippedItems;

	UUID integration;

	Calendar calendar;

	URI event;

	@BeforeEach
	void givenAnImportedEvent() {
		CalSyncApi api = new CalSyncApi(this.port);
		CalDavTestServer radicale = CalDavTestServers.radicale();
		radicale.removeAllCalendars();
		URI url = radicale.createCalendar("fetch-" + UUID.randomUUID().toString().substring(0, 6));
		this.event = url.resolve("a.ics");
		radicale.putEvent(url, "a.ics", CalendarSyncJobFunctionalTests.simpleEvent("a@fetch", "Fitting"));
		this.integration = api.connect(radicale, "tenant-fetch");
		assertThat(api.syncAndWait(this.integration).get("status").asString()).isEqualTo("COMPLETED");
		this.calendar = this.calendars.findByIntegration(this.integration).get(0);
		assertThat(this.calendar.isAheadOfToken()).isFalse();
	}

	@Test
	void shouldNotPutTheCalendarAheadForTheVersionTheReportListed() {
		fetch(this.event, linkedEtag());

		assertThat(state(this.event)).isEqualTo("FETCHED");
		assertThat(aheadOfToken()).isFalse();
	}

	@Test
	void shouldPutTheCalendarAheadForAnotherVersionThanTheReportListed() {
		fetch(this.event, "\"listed-before-an-edit\"");

		assertThat(state(this.event)).isEqualTo("FETCHED");
		assertThat(aheadOfToken()).isTrue();
	}

	@Test
	void shouldPutTheCalendarAheadForAnEventGoneSinceTheReport() {
		URI deleted = this.calendar.href().resolve("deleted-after-the-report.ics");

		fetch(deleted, "\"listed\"");

		assertThat(state(deleted)).isEqualTo("GONE");
		assertThat(aheadOfToken()).isTrue();
	}

	private void fetch(URI href, String listedEtag) {
		this.staging.stageAll(this.integration, this.calendar.id(), Map.of(href, listedEtag), StagingState.PENDING);
		MultigetWriter writer = new MultigetWriter(this.integration, this.integrations, this.calendars, this.connector,
				this.staging, this.parser, this.deadLetters, this.skippedItems, 200);
		try {
			writer.write(Chunk.of(new StagedChange(this.integration, this.calendar.id(), href, listedEtag, null,
					StagingState.PENDING)));
		}
		finally {
			writer.afterStep(new StepExecution("fetchRemote", null));
		}
	}

	private String linkedEtag() {
		return this.jdbc.queryForObject("SELECT etag FROM event_link WHERE calendar_id = ? AND href = ?", String.class,
				this.calendar.id(), this.event.toString());
	}

	private String state(URI href) {
		return this.jdbc.queryForObject("SELECT state FROM sync_staging WHERE calendar_id = ? AND href = ?",
				String.class, this.calendar.id(), href.toString());
	}

	private boolean aheadOfToken() {
		return this.calendars.find(this.calendar.id()).orElseThrow().isAheadOfToken();
	}

}
