package com.wedsync.calsync.batch;

import java.util.List;
import java.util.UUID;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.CalendarHome;
import com.wedsync.calsync.caldav.UnauthorizedException;
import com.wedsync.calsync.integration.Calendar;
import com.wedsync.calsync.integration.CalendarRepository;
import com.wedsync.calsync.integration.Integration;
import com.wedsync.calsync.integration.IntegrationConnector;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.sync.outbox.SyncOutbox;
import com.wedsync.calsync.sync.staging.SyncStagingRepository;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 1: finds the calendar home (once per integration; iCloud's lives on a partition
 * host) and lists its calendars with their ctags (and sync-tokens where
 * {@link Calendar#changeMarkersFor} asks for them) in one PROPFIND. Also forgets what an
 * earlier, unfinished sync staged: detection starts again from the committed token, so
 * nothing is lost. A calendar whose listing shows it writable again after being read-only
 * gets every event it should hold queued: the writes withheld meanwhile are sent now.
 */
class DiscoverCalendarsTasklet implements Tasklet {

	private final UUID integrationId;

	private final IntegrationRepository integrations;

	private final CalendarRepository calendars;

	private final IntegrationConnector connector;

	private final SyncStagingRepository staging;

	private final SyncOutbox outbox;

	DiscoverCalendarsTasklet(UUID integrationId, IntegrationRepository integrations, CalendarRepository calendars,
			IntegrationConnector connector, SyncStagingRepository staging, SyncOutbox outbox) {
		this.integrationId = integrationId;
		this.outbox = outbox;
		this.integrations = integrations;
		this.calendars = calendars;
		this.connector = connector;
		this.staging = staging;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		Integration integration = this.integrations.find(this.integrationId)
			.orElseThrow(() -> new IllegalStateException("Integration " + this.integrationId + " no longer exists"));
		this.staging.clearIntegration(this.integrationId);
		try (CalDavClient client = this.connector.connect(integration)) {
			var home = integration.calendarHomeUrl();
			if (home == null) {
				CalendarHome found = client.discover();
				this.integrations.updateDiscovery(this.integrationId, found.principal(), found.calendarHome());
				home = found.calendarHome();
			}
			List<Calendar> before = this.calendars.findByIntegration(this.integrationId);
			List<Calendar> known = this.calendars.recordListing(this.integrationId, before,
					client.listCalendars(home, Calendar.changeMarkersFor(before)));
			// In the step's transaction with the listing: the flip is never recorded
			// without the writes it owes.
			known.stream()
				.filter((calendar) -> !calendar.readOnly() && wasReadOnly(before, calendar))
				.forEach((calendar) -> this.outbox.markCalendarDirty(calendar.id()));
			contribution.incrementWriteCount(known.size());
		}
		catch (UnauthorizedException ex) {
			this.integrations.markAuthFailed(this.integrationId, UnauthorizedException.REPLACE_PASSWORD);
			throw ex;
		}
		return RepeatStatus.FINISHED;
	}

	private static boolean wasReadOnly(List<Calendar> before, Calendar calendar) {
		return before.stream().anyMatch((old) -> old.id().equals(calendar.id()) && old.readOnly());
	}

}
