package com.wedsync.calsync.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.wedsync.calsync.batch.SyncRun.SyncStatus;
import com.wedsync.calsync.caldav.HostUnavailableException;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Keeps a sync run's status in step with its job execution (also across restarts). A run
 * that failed because a CalDAV host's circuit is open ends with exit code
 * {@link #HOST_UNAVAILABLE}: nothing was lost (no sync token moved) and the next trigger
 * converges, so operators need not restart it.
 */
class SyncRunStatusListener implements JobExecutionListener {

	/** Exit code of a job that failed fast on an open circuit. */
	static final String HOST_UNAVAILABLE = "HOST_UNAVAILABLE";

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
		if (execution.getStatus() == BatchStatus.FAILED) {
			hostUnavailable(execution).ifPresent((ex) -> execution.setExitStatus(
					new ExitStatus(HOST_UNAVAILABLE, ex.getMessage() + "; will be retried by the next trigger")));
		}
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

	static Optional<HostUnavailableException> hostUnavailable(JobExecution execution) {
		List<Throwable> failures = new ArrayList<>(execution.getAllFailureExceptions());
		for (Throwable failure : failures) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof HostUnavailableException hostUnavailable) {
					return Optional.of(hostUnavailable);
				}
			}
		}
		return Optional.empty();
	}

	private static UUID syncId(JobExecution execution) {
		return UUID.fromString(execution.getJobParameters().getString(SyncJobParameters.SYNC_ID));
	}

}
