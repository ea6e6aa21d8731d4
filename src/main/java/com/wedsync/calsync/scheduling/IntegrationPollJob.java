package com.wedsync.calsync.scheduling;

import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
import com.wedsync.calsync.observability.CalSyncMetrics;

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

	private final Counter deferred;

	IntegrationPollJob(IntegrationRepository integrations, ChangeProbe probe, SyncLauncher launcher,
			IntegrationSchedule schedule, ScheduledSyncSlots slots, MeterRegistry meters) {
		this.integrations = integrations;
		this.probe = probe;
		this.launcher = launcher;
		this.schedule = schedule;
		this.slots = slots;
		this.deferred = Counter.builder(CalSyncMetrics.POLLS_DEFERRED)
			.description("Polls put off because every scheduled-sync slot was busy")
			.register(meters);
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
		else if (integration.get().status() == IntegrationStatus.ACTIVE) {
			pollInASlot(integration.get());
		}
	}

	// A poll's probe and its scheduled sync hold one of the node's slots, never one of
	// the threads kept for emergency syncs: a probe of a host that stopped answering
	// waits a read timeout, and a sync may run for minutes. Without a free slot the poll
	// tries again shortly, on a one-shot trigger, instead of waiting on this thread.
	private void pollInASlot(Integration integration) {
		if (!this.slots.tryAcquire()) {
			logger.info("Every scheduled-sync slot is busy; polling integration " + integration.id() + " again in "
					+ IntegrationSchedule.DEFERRED_POLL_DELAY.toSeconds() + " s");
			this.schedule.deferPoll(integration.id());
			this.deferred.increment();
			return;
		}
		try {
			if (this.probe.probe(integration) == ProbeOutcome.CHANGED) {
				this.launcher.runIfIdle(integration.id(), SyncTrigger.SCHEDULED, SyncPriority.NORMAL, "poll");
			}
		}
		finally {
			this.slots.release();
		}
	}

}
