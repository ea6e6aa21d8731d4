package com.wedsync.calsync.batch;

/** Parameter names of {@code calendarSyncJob}. No secret is ever a job parameter. */
public final class SyncJobParameters {

	/** The integration to sync. */
	public static final String INTEGRATION_ID = "integrationId";

	/** The sync request; identifying, so every request is its own job instance. */
	public static final String SYNC_ID = "syncId";

	private SyncJobParameters() {
	}

}
