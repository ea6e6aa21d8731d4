package com.wedsync.calsync.batch;

import java.util.Optional;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.wedsync.calsync.batch.SyncRun.SyncPriority;
import com.wedsync.calsync.batch.SyncRun.SyncStatus;
import com.wedsync.calsync.batch.SyncRun.SyncTrigger;
import com.wedsync.calsync.batch.SyncRunRepository.Claim;

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

	private final SyncNodes nodes;

	SyncLauncher(JobOperator jobOperator, JobRepository jobRepository, Job calendarSyncJob, SyncRunRepository syncRuns,
			@Qualifier("syncTaskExecutor") TaskExecutor executor, SyncNodes nodes) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.calendarSyncJob = calendarSyncJob;
		this.syncRuns = syncRuns;
		this.executor = executor;
		this.nodes = nodes;
	}

	/**
	 * Requests a sync.
	 * @return the new sync, or the one already queued or running for the integration
	 */
	public SyncRun request(UUID integrationId, SyncTrigger trigger, SyncPriority priority, String reason) {
		recoverOrphans(integrationId);
		Claim claim = this.syncRuns.claim(integrationId, trigger, priority, reason);
		if (claim.created()) {
			SyncRun run = claim.run();
			this.executor.execute(() -> start(run, parameters(run)));
		}
		return claim.run();
	}

	/**
	 * Reserves a sync without starting it; whoever reserved it starts it with
	 * {@link #runQueued}. Used for emergency syncs, which the scheduler starts.
	 * @return the new queued sync, or the one already queued or running
	 */
	public SyncRun queue(UUID integrationId, SyncTrigger trigger, SyncPriority priority, String reason) {
		recoverOrphans(integrationId);
		return this.syncRuns.claim(integrationId, trigger, priority, reason).run();
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
		recoverOrphans(integrationId);
		Claim claim = this.syncRuns.claim(integrationId, trigger, priority, reason);
		if (!claim.created()) {
			return Optional.empty();
		}
		start(claim.run(), parameters(claim.run()));
		return this.syncRuns.find(claim.run().id());
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

	/**
	 * Recovers the syncs a dead node left behind (see {@link SyncNodes}): a job execution
	 * still STARTING, STARTED or STOPPING is marked FAILED with
	 * {@link JobOperator#recover} (its running step executions too), the sync turns
	 * FAILED and is restarted here from the failed step and chunk. A sync queued and
	 * never started is started; an emergency one is left to its Quartz trigger, which
	 * fires on a live node. Taking a sync over is one conditional update, so only one
	 * node recovers it.
	 * @param integrationId one integration's syncs, or every one's when {@code null}
	 * @return how many syncs were recovered
	 */
	public int recoverOrphans(UUID integrationId) {
		int recovered = 0;
		for (SyncRunRepository.OwnedRun owned : this.syncRuns.findActiveOwned(integrationId)) {
			if (this.nodes.isAlive(owned.nodeId()) || !this.syncRuns.takeOver(owned)) {
				continue;
			}
			SyncRun run = owned.run();
			if (run.jobExecutionId() == null) {
				if (run.trigger() != SyncTrigger.EMERGENCY) {
					logger.warn("Sync " + run.id() + " was queued on node " + owned.nodeId()
							+ ", which is gone; starting it here");
					this.executor.execute(() -> start(run, parameters(run)));
					recovered++;
				}
				continue;
			}
			JobExecution execution = this.jobRepository.getJobExecution(run.jobExecutionId());
			if (execution.getStatus().isRunning()) {
				execution = this.jobOperator.recover(execution);
			}
			SyncStatus status = SyncRunStatusListener.status(execution.getStatus());
			logger.warn("Sync " + run.id() + " (job execution " + execution.getId() + ") was left " + run.status()
					+ " by node " + owned.nodeId() + ", which is gone; now " + status
					+ ((status == SyncStatus.FAILED) ? ", restarting it" : ""));
			this.syncRuns.updateStatus(run.id(), status, execution.getId());
			if (status == SyncStatus.FAILED) {
				restart(this.syncRuns.find(run.id()).orElseThrow());
			}
			recovered++;
		}
		return recovered;
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
		SyncLogContext.set(run.integrationId(), run.id());
		try {
			this.jobOperator.start(this.calendarSyncJob, parameters);
		}
		catch (Exception ex) {
			logger.error("Sync " + run.id() + " could not start", ex);
			this.syncRuns.updateStatus(run.id(), SyncStatus.FAILED, null);
		}
		finally {
			SyncLogContext.clear();
		}
	}

	private void restart(SyncRun run, JobExecution last) {
		SyncLogContext.set(run.integrationId(), run.id());
		try {
			this.jobOperator.restart(last);
		}
		catch (Exception ex) {
			logger.error("Sync " + run.id() + " could not restart", ex);
			this.syncRuns.updateStatus(run.id(), SyncStatus.FAILED, null);
		}
		finally {
			SyncLogContext.clear();
		}
	}

}
