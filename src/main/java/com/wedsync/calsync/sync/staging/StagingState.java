package com.wedsync.calsync.sync.staging;

/** Where a detected remote change is on its way into the database. */
public enum StagingState {

	/** Created or modified on the server; its body is still to be fetched. */
	PENDING,
	/** Body fetched, ready to apply. */
	FETCHED,
	/** Deleted on the server (listed as deleted, or 404 when fetched). */
	GONE,
	/**
	 * Asked for in a multiget but neither returned nor refused. Kept so the calendar's
	 * token does not move past a change we never saw.
	 */
	UNANSWERED,
	/** Applied to the database. */
	APPLIED,
	/** Bad in itself; parked in the dead-letter table. */
	SKIPPED;

	/** Whether the change is settled: applied, or parked where an operator sees it. */
	public boolean isSettled() {
		return this == APPLIED || this == SKIPPED;
	}

}
