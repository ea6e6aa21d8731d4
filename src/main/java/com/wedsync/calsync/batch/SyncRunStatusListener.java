package com.wedsync.calsync.batch;

import java.util.UUID;

import com.wedsync.calsync.batch.SyncRun.SyncStatus;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/** Keeps a sync run's status in step with its job execution (also across restarts). */
class SyncRunStatusListener implements JobExecutionListener {

	private final SyncRunRepository syncRuns;

	SyncRunStatusListener(SyncRunRepository syncRuns) {
		this.syncRuns = syncRuns;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		this.syncRuns.updateStatus(syncId(execution), SyncStatus.RUNNING, execution.getId());
	}

	@Override
	public void afterJob(JobExecution execution) {
		this.syncRuns.updateStatus(syncId(execution), status(execution.getStatus()), execution.getId());
	}

	static SyncStatus status(BatchStatus status) {
		return switch (status) {
			case COMPLETED -> SyncStatus.COMPLETED;
			case STOPPED, STOPPING -> SyncStatus.STOPPED;
			case STARTING, STARTED -> SyncStatus.RUNNING;
			default -> SyncStatus.FAILED;
		};
	}

	private static UUID syncId(JobExecution execution) {
		return UUID.fromString(execution.getJobParameters().getString(SyncJobParameters.SYNC_ID));
	}

}
