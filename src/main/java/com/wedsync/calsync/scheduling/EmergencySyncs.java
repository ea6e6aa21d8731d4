package com.wedsync.calsync.scheduling;

import java.util.UUID;

import com.wedsync.calsync.batch.SyncLauncher;
import com.wedsync.calsync.batch.SyncRun;
import com.wedsync.calsync.batch.SyncRun.SyncPriority;
import com.wedsync.calsync.batch.SyncRun.SyncStatus;
import com.wedsync.calsync.batch.SyncRun.SyncTrigger;

import org.springframework.stereotype.Component;

/**
 * Syncs that must land now: queued as a {@code sync_run} (so the caller gets its id at
 * once) and run by a one-shot Quartz trigger of the highest priority, which skips the
 * probe and still never overlaps another sync of the integration. A request while a sync
 * is queued or running joins it.
 */
@Component
public class EmergencySyncs {

	private final SyncLauncher launcher;

	private final IntegrationSchedule schedule;

	EmergencySyncs(SyncLauncher launcher, IntegrationSchedule schedule) {
		this.launcher = launcher;
		this.schedule = schedule;
	}

	public SyncRun request(UUID integrationId, String reason) {
		SyncRun run = this.launcher.queue(integrationId, SyncTrigger.EMERGENCY, SyncPriority.EMERGENCY, reason);
		if (run.trigger() == SyncTrigger.EMERGENCY && run.status() == SyncStatus.QUEUED
				&& run.jobExecutionId() == null) {
			this.schedule.fireEmergency(integrationId, run.id());
		}
		return run;
	}

}
