package com.wedsync.calsync.realtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.wedsync.calsync.batch.SyncCounts;
import com.wedsync.calsync.batch.SyncJobParameters;
import com.wedsync.calsync.batch.SyncRun;
import com.wedsync.calsync.batch.SyncRunRepository;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.realtime.SyncStatusMessage.Progress;
import com.wedsync.calsync.realtime.SyncStatusMessage.Status;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns {@code calendarSyncJob}'s lifecycle into live status messages: STARTED before the
 * first step, IN_PROGRESS when a step starts and after each chunk (at most one per
 * {@code calsync.realtime.progress-interval}, 250 ms by default: four a second), then
 * COMPLETED or FAILED with the sync's counts. Registered on the job and on every step.
 * <p>
 * {@code progress.total} is the sync's work items: staged calendar changes to fetch plus
 * events to reconcile ({@link SyncWorkTotals}); estimated when the fetch starts, exact
 * once it is done. {@code processed} counts the items of every chunk written so far.
 * Created, updated, deleted and conflicts are the sync's counts as the API reports them.
 * A failure to publish never fails the sync.
 */
@Component
public class SyncProgressListener
		implements JobExecutionListener, StepExecutionListener, ChunkListener<Object, Object> {

	private static final Log logger = LogFactory.getLog(SyncProgressListener.class);

	private static final int MAX_ERROR = 1000;

	private static final String FETCH = "fetchRemote";

	private static final String RECONCILE = "reconcile-";

	private final Map<Long, RunningSync> running = new ConcurrentHashMap<>();

	private final SyncStatusChannel channel;

	private final SyncRunRepository syncRuns;

	private final IntegrationRepository integrations;

	private final SyncWorkTotals totals;

	private final long intervalNanos;

	SyncProgressListener(SyncStatusChannel channel, SyncRunRepository syncRuns, IntegrationRepository integrations,
			SyncWorkTotals totals, @Value("${calsync.realtime.progress-interval:250ms}") Duration interval) {
		this.channel = channel;
		this.syncRuns = syncRuns;
		this.integrations = integrations;
		this.totals = totals;
		this.intervalNanos = interval.toNanos();
	}

	@Override
	public void beforeJob(JobExecution execution) {
		UUID syncId = UUID.fromString(execution.getJobParameters().getString(SyncJobParameters.SYNC_ID));
		UUID integrationId = UUID.fromString(execution.getJobParameters().getString(SyncJobParameters.INTEGRATION_ID));
		String tenantId = this.integrations.find(integrationId).map((i) -> i.tenantId()).orElse(null);
		RunningSync sync = new RunningSync(syncId, integrationId, tenantId);
		sync.operation("starting");
		this.running.put(execution.getId(), sync);
		publish(sync, Status.STARTED, null);
	}

	@Override
	public void beforeStep(StepExecution step) {
		RunningSync sync = this.running.get(step.getJobExecutionId());
		if (sync != null) {
			sync.operation(step.getStepName());
			// a restarted sync skips the steps that completed: its total starts where it
			// resumes
			if (step.getStepName().equals(FETCH)) {
				safely(() -> sync.total(sync.processed() + this.totals.pendingFetches(sync.integrationId)
						+ this.totals.estimatedReconciles(sync.integrationId)));
			}
			else if (step.getStepName().startsWith(RECONCILE) && sync.total() == 0) {
				safely(() -> sync.total(sync.processed() + this.totals.reconciles(sync.integrationId, sync.tenantId)));
			}
			progress(sync);
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution step) {
		RunningSync sync = this.running.get(step.getJobExecutionId());
		if (sync != null && step.getStatus() == BatchStatus.COMPLETED && step.getStepName().equals(FETCH)) {
			safely(() -> sync.total(sync.processed() + this.totals.reconciles(sync.integrationId, sync.tenantId)));
		}
		return step.getExitStatus();
	}

	@Override
	public void afterChunk(Chunk<Object> chunk) {
		StepContext context = StepSynchronizationManager.getContext();
		RunningSync sync = (context != null) ? this.running.get(context.getStepExecution().getJobExecutionId()) : null;
		if (sync != null) {
			sync.processed(chunk.size());
			progress(sync);
		}
	}

	@Override
	public void afterJob(JobExecution execution) {
		RunningSync sync = this.running.remove(execution.getId());
		if (sync == null) {
			return;
		}
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			sync.total(sync.processed());
			publish(sync, Status.COMPLETED, null);
		}
		else {
			publish(sync, Status.FAILED, SyncFailures.describe(execution, MAX_ERROR));
		}
	}

	private void progress(RunningSync sync) {
		if (sync.progressDue(this.intervalNanos)) {
			publish(sync, Status.IN_PROGRESS, null);
		}
	}

	private void publish(RunningSync sync, Status status, String error) {
		safely(() -> {
			SyncCounts counts = this.syncRuns.find(sync.syncId).map(SyncRun::counts).orElse(SyncCounts.NONE);
			Progress progress = new Progress(sync.total(), sync.processed(), counts.created(), counts.updated(),
					counts.deleted(), counts.conflicts());
			String operation = (status == Status.IN_PROGRESS || status == Status.STARTED) ? sync.operation() : null;
			this.channel.publish(new SyncStatusMessage(sync.syncId, sync.integrationId, status, progress, operation,
					error, Instant.now()));
		});
	}

	// Live status is a view: it must never be why a sync fails.
	private static void safely(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			logger.warn("Live sync status not published: " + ex);
		}
	}

}
