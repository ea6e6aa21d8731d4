package com.wedsync.calsync.batch;

/** A restart was asked of a sync that cannot be restarted. */
public class SyncNotRestartableException extends RuntimeException {

	private final SyncRun run;

	SyncNotRestartableException(SyncRun run, String reason) {
		super("Sync " + run.id() + " is " + run.status() + ": " + reason);
		this.run = run;
	}

	public SyncRun getRun() {
		return this.run;
	}

}
