package com.wedsync.calsync.batch;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;

import com.wedsync.calsync.batch.SyncRun.SyncTrigger;
import com.wedsync.calsync.observability.CalSyncMetrics;
import com.wedsync.calsync.observability.SyncActivityMetrics;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Counts each ended job execution of a sync, by the sync's trigger and the outcome, with
 * its duration. A restart is another execution and is counted again.
 */
class SyncRunMetricsListener implements JobExecutionListener {

	private final SyncRunRepository syncRuns;

	private final SyncActivityMetrics metrics;

	SyncRunMetricsListener(SyncRunRepository syncRuns, SyncActivityMetrics metrics) {
		this.syncRuns = syncRuns;
		this.metrics = metrics;
	}

	@Override
	public void afterJob(JobExecution execution) {
		UUID syncId = UUID.fromString(execution.getJobParameters().getString(SyncJobParameters.SYNC_ID));
		String trigger = this.syncRuns.find(syncId).map(SyncRun::trigger).orElse(SyncTrigger.MANUAL).name();
		LocalDateTime started = execution.getStartTime();
		Duration duration = (started != null) ? Duration.between(started, LocalDateTime.now()) : Duration.ZERO;
		this.metrics.syncEnded(trigger, outcome(execution), duration.isNegative() ? Duration.ZERO : duration);
	}

	static String outcome(JobExecution execution) {
		BatchStatus status = execution.getStatus();
		if (status == BatchStatus.COMPLETED) {
			return CalSyncMetrics.OUTCOME_COMPLETED;
		}
		if (status == BatchStatus.STOPPED || status == BatchStatus.STOPPING) {
			return CalSyncMetrics.OUTCOME_STOPPED;
		}
		return SyncRunStatusListener.hostUnavailable(execution).isPresent() ? CalSyncMetrics.OUTCOME_HOST_UNAVAILABLE
				: CalSyncMetrics.OUTCOME_FAILED;
	}

}
