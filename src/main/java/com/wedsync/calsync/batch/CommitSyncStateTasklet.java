package com.wedsync.calsync.batch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.wedsync.calsync.deadletter.DeadLetterRepository;
import com.wedsync.calsync.integration.Calendar;
import com.wedsync.calsync.integration.CalendarRepository;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.sync.staging.StagingState;
import com.wedsync.calsync.sync.staging.SyncStagingRepository;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 5: moves each calendar's ctag and sync-token forward, but only when every change
 * they cover is settled (applied, or parked as a dead letter). A calendar with a change
 * the server never answered keeps its old token, so the next sync asks again. Before the
 * staging rows go, settles the dead letters this sync replayed: those that did not fail
 * again are resolved.
 */
class CommitSyncStateTasklet implements Tasklet {

	/** Exit code of a sync that left some calendar's token behind. */
	static final String INCOMPLETE = "COMPLETED_WITH_UNSETTLED_CHANGES";

	private static final Log logger = LogFactory.getLog(CommitSyncStateTasklet.class);

	private final UUID integrationId;

	private final UUID syncId;

	private final IntegrationRepository integrations;

	private final CalendarRepository calendars;

	private final SyncStagingRepository staging;

	private final SyncRunRepository syncRuns;

	private final DeadLetterRepository deadLetters;

	CommitSyncStateTasklet(UUID integrationId, UUID syncId, IntegrationRepository integrations,
			CalendarRepository calendars, SyncStagingRepository staging, SyncRunRepository syncRuns,
			DeadLetterRepository deadLetters) {
		this.integrationId = integrationId;
		this.syncId = syncId;
		this.integrations = integrations;
		this.calendars = calendars;
		this.staging = staging;
		this.syncRuns = syncRuns;
		this.deadLetters = deadLetters;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		Instant now = Instant.now();
		this.staging.settleUnlinkedDeletions(this.integrationId);
		int resolved = this.deadLetters.settleReplays(this.integrationId);
		if (resolved > 0) {
			logger.info("Sync " + this.syncId + " resolved " + resolved + " replayed dead letter(s)");
		}
		SyncCounts total = SyncCounts.NONE;
		List<String> behind = new ArrayList<>();
		for (Calendar calendar : this.calendars.findByIntegration(this.integrationId)) {
			if (!calendar.isSynced()) {
				continue;
			}
			Map<StagingState, Integer> states = this.staging.countByState(calendar.id());
			total = total.plus(counts(states));
			int unsettled = states.entrySet()
				.stream()
				.filter((e) -> !e.getKey().isSettled())
				.mapToInt(Map.Entry::getValue)
				.sum();
			if (unsettled > 0) {
				behind.add(calendar.href() + " (" + unsettled + " unsettled)");
				this.staging.clearSettled(calendar.id());
				// what was applied is newer than the token that stays
				this.calendars.markAheadOfToken(calendar.id(), now);
				continue;
			}
			this.calendars.commitSyncState(calendar.id(), now);
			this.staging.clearCalendar(calendar.id());
		}
		this.syncRuns.addCounts(this.syncId, total);
		this.integrations.markSynced(this.integrationId, now);
		if (!behind.isEmpty()) {
			logger.warn("Sync " + this.syncId + " left tokens behind for " + behind);
			contribution.setExitStatus(new ExitStatus(INCOMPLETE, "Tokens not moved for " + behind));
		}
		return RepeatStatus.FINISHED;
	}

	/**
	 * What the sync read from this calendar: the settled changes, and those parked as
	 * dead letters. What applying them did is counted by the reconcile steps.
	 */
	private static SyncCounts counts(Map<StagingState, Integer> states) {
		int read = states.entrySet().stream().filter((e) -> e.getKey().isSettled()).mapToInt(Map.Entry::getValue).sum();
		return new SyncCounts(read, 0, 0, 0, 0, states.getOrDefault(StagingState.SKIPPED, 0));
	}

}
