package com.wedsync.calsync.batch;

import java.util.Optional;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.wedsync.calsync.batch.SyncRun.SyncPriority;
import com.wedsync.calsync.batch.SyncRun.SyncStatus;
import com.wedsync.calsync.batch.SyncRun.SyncTrigger;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Starts syncs in the background. A request for an integration that already has a sync
 * queued or running joins that one instead of starting a second.
 */
@Component
public class SyncLauncher {

	private static final Log logger = LogFactory.getLog(SyncLauncher.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job calendarSyncJob;

	private final SyncRunRepository syncRuns;

	private final TaskExecutor executor;

	SyncLauncher(JobOperator jobOperator, JobRepository jobRepository, Job calendarSyncJob, SyncRunRepository syncRuns,
			@Qualifier("syncTaskExecutor") TaskExecutor executor) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.calendarSyncJob = calendarSyncJob;
		this.syncRuns = syncRuns;
		this.executor = executor;
	}

	/**
	 * Requests a sync.
	 * @return the new sync, or the one already queued or running for the integration
	 */
	public SyncRun request(UUID integrationId, SyncTrigger trigger, SyncPriority priority, String reason) {
		Optional<SyncRun> active = this.syncRuns.findActive(integrationId);
		if (active.isPresent()) {
			return active.get();
		}
		SyncRun run = this.syncRuns.create(integrationId, trigger, priority, reason);
		this.executor.execute(() -> start(run, parameters(run)));
		return run;
	}

	/**
	 * Reserves a sync without starting it; whoever reserved it starts it with
	 * {@link #runQueued}. Used for emergency syncs, which the scheduler starts.
	 * @return the new queued sync, or the one already queued or running
	 */
	public SyncRun queue(UUID integrationId, SyncTrigger trigger, SyncPriority priority, String reason) {
		return this.syncRuns.findActive(integrationId)
			.orElseGet(() -> this.syncRuns.create(integrationId, trigger, priority, reason));
	}

	/**
	 * Runs a sync reserved with {@link #queue} in the calling thread, until it ends. A
	 * sync that is gone or already started is left alone.
	 */
	public void runQueued(UUID syncId) {
		this.syncRuns.find(syncId)
			.filter((run) -> run.status() == SyncStatus.QUEUED && run.jobExecutionId() == null)
			.ifPresent((run) -> start(run, parameters(run)));
	}

	/**
	 * Runs a new sync in the calling thread, until it ends, unless the integration
	 * already has one queued or running. The scheduler calls this, so a sync holds its
	 * Quartz job for as long as it runs and no node starts a second one for the
	 * integration.
	 * @return the sync that ran, or empty when another one was active
	 */
	public Optional<SyncRun> runIfIdle(UUID integrationId, SyncTrigger trigger, SyncPriority priority, String reason) {
		if (this.syncRuns.findActive(integrationId).isPresent()) {
			return Optional.empty();
		}
		SyncRun run = this.syncRuns.create(integrationId, trigger, priority, reason);
		start(run, parameters(run));
		return this.syncRuns.find(run.id());
	}

	/**
	 * Asks a running sync to stop; it ends STOPPED at the next chunk or step boundary and
	 * can be restarted.
	 * @throws SyncNotRunningException when the sync is not running
	 */
	public SyncRun stop(SyncRun run) {
		if (run.status() != SyncStatus.RUNNING || run.jobExecutionId() == null) {
			throw new SyncNotRunningException(run);
		}
		try {
			this.jobOperator.stop(this.jobRepository.getJobExecution(run.jobExecutionId()));
		}
		catch (JobExecutionNotRunningException ex) {
			throw new SyncNotRunningException(this.syncRuns.find(run.id()).orElse(run));
		}
		return this.syncRuns.find(run.id()).orElse(run);
	}

	private static JobParameters parameters(SyncRun run) {
		return new JobParametersBuilder().addString(SyncJobParameters.INTEGRATION_ID, run.integrationId().toString())
			.addString(SyncJobParameters.SYNC_ID, run.id().toString())
			.toJobParameters();
	}

	/**
	 * Restarts the latest execution of a failed or stopped sync: completed steps are
	 * skipped, the failed step continues from the staged changes not yet settled.
	 * @throws SyncNotRestartableException when the sync is not failed or stopped
	 */
	public SyncRun restart(SyncRun run) {
		if (run.status() != SyncStatus.FAILED && run.status() != SyncStatus.STOPPED) {
			throw new SyncNotRestartableException(run, "only a FAILED or STOPPED sync can be restarted");
		}
		JobExecution last = this.jobRepository.getJobExecution(run.jobExecutionId());
		this.syncRuns.updateStatus(run.id(), SyncStatus.QUEUED, null);
		this.executor.execute(() -> restart(run, last));
		return this.syncRuns.find(run.id()).orElseThrow();
	}

	private void start(SyncRun run, JobParameters parameters) {
		try {
			this.jobOperator.start(this.calendarSyncJob, parameters);
		}
		catch (Exception ex) {
			logger.error("Sync " + run.id() + " could not start", ex);
			this.syncRuns.updateStatus(run.id(), SyncStatus.FAILED, null);
		}
	}

	private void restart(SyncRun run, JobExecution last) {
		try {
			this.jobOperator.restart(last);
		}
		catch (Exception ex) {
			logger.error("Sync " + run.id() + " could not restart", ex);
			this.syncRuns.updateStatus(run.id(), SyncStatus.FAILED, null);
		}
	}

}
