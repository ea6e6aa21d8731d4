package com.wedsync.calsync.scheduling;

import java.util.Optional;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

import com.wedsync.calsync.batch.SyncLauncher;
import com.wedsync.calsync.batch.SyncRun.SyncPriority;
import com.wedsync.calsync.batch.SyncRun.SyncTrigger;
import com.wedsync.calsync.integration.Integration;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.integration.IntegrationStatus;

/**
 * One integration's Quartz job. A poll trigger probes for changes and syncs only when
 * there are some; an emergency trigger carries a queued sync and runs it without a probe.
 * The sync runs in this job's thread, and Quartz never runs one job twice at once
 * anywhere in the cluster, so an integration is never synced twice at once by the
 * scheduler.
 */
@DisallowConcurrentExecution
public class IntegrationPollJob implements Job {

	private static final Log logger = LogFactory.getLog(IntegrationPollJob.class);

	static final String INTEGRATION_ID = "integrationId";

	static final String SYNC_ID = "syncId";

	private final IntegrationRepository integrations;

	private final ChangeProbe probe;

	private final SyncLauncher launcher;

	private final IntegrationSchedule schedule;

	private final ScheduledSyncSlots slots;

	IntegrationPollJob(IntegrationRepository integrations, ChangeProbe probe, SyncLauncher launcher,
			IntegrationSchedule schedule, ScheduledSyncSlots slots) {
		this.integrations = integrations;
		this.probe = probe;
		this.launcher = launcher;
		this.schedule = schedule;
		this.slots = slots;
	}

	@Override
	public void execute(JobExecutionContext context) {
		JobDataMap data = context.getMergedJobDataMap();
		UUID integrationId = UUID.fromString(data.getString(INTEGRATION_ID));
		Optional<Integration> integration = this.integrations.find(integrationId);
		if (integration.isEmpty()) {
			this.schedule.remove(integrationId);
			return;
		}
		String emergencySync = data.getString(SYNC_ID);
		if (emergencySync != null) {
			this.launcher.runQueued(UUID.fromString(emergencySync));
		}
		else if (integration.get().status() == IntegrationStatus.ACTIVE
				&& this.probe.probe(integration.get()) == ProbeOutcome.CHANGED) {
			syncInASlot(integrationId);
		}
	}

	// A scheduled sync may run for minutes; it holds one of the node's slots, never one
	// of the threads kept for emergency syncs. Without a free slot the poll tries again
	// shortly, on a one-shot trigger, instead of waiting on this thread.
	private void syncInASlot(UUID integrationId) {
		if (!this.slots.tryAcquire()) {
			logger
				.info("Integration " + integrationId + " changed; every scheduled-sync slot is busy, polling again in "
						+ IntegrationSchedule.DEFERRED_POLL_DELAY.toSeconds() + " s");
			this.schedule.deferPoll(integrationId);
			return;
		}
		try {
			this.launcher.runIfIdle(integrationId, SyncTrigger.SCHEDULED, SyncPriority.NORMAL, "poll");
		}
		finally {
			this.slots.release();
		}
	}

}
