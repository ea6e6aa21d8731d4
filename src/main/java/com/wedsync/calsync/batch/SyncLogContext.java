package com.wedsync.calsync.batch;

import java.util.UUID;

import org.slf4j.MDC;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Puts the integration id, sync id and job execution id into the logging context (MDC) of
 * the thread running a sync, so every line the sync logs carries them (as fields of the
 * JSON log with {@code CALSYNC_LOG_FORMAT}). {@link SyncLauncher} sets the first two on
 * the sync thread before the job starts and clears them after it ended, so Spring Batch's
 * own launch and completion lines carry them too; this listener adds the execution id
 * once it exists.
 */
class SyncLogContext implements JobExecutionListener {

	static final String INTEGRATION_ID = "integrationId";

	static final String SYNC_ID = "syncId";

	static final String JOB_EXECUTION_ID = "jobExecutionId";

	@Override
	public void beforeJob(JobExecution execution) {
		MDC.put(INTEGRATION_ID, execution.getJobParameters().getString(SyncJobParameters.INTEGRATION_ID));
		MDC.put(SYNC_ID, execution.getJobParameters().getString(SyncJobParameters.SYNC_ID));
		MDC.put(JOB_EXECUTION_ID, String.valueOf(execution.getId()));
	}

	/** Sets the ids known before the job starts. */
	static void set(UUID integrationId, UUID syncId) {
		MDC.put(INTEGRATION_ID, integrationId.toString());
		MDC.put(SYNC_ID, syncId.toString());
	}

	static void clear() {
		MDC.remove(INTEGRATION_ID);
		MDC.remove(SYNC_ID);
		MDC.remove(JOB_EXECUTION_ID);
	}

}
