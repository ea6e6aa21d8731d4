package com.wedsync.calsync.batch;

/** A stop was asked of a sync that is not running. */
public class SyncNotRunningException extends RuntimeException {

	private final SyncRun run;

	SyncNotRunningException(SyncRun run) {
		super("Sync " + run.id() + " is " + run.status() + ": only a RUNNING sync can be stopped");
		this.run = run;
	}

	public SyncRun getRun() {
		return this.run;
	}

}
