package com.wedsync.calsync.sync.reconcile;

/**
 * What reconciling events did, on the platform and on calendars together.
 */
public final class ReconcileCounts {

	private int created;

	private int updated;

	private int deleted;

	private int conflicts;

	void created() {
		this.created++;
	}

	void updated() {
		this.updated++;
	}

	void deleted() {
		this.deleted++;
	}

	void conflict() {
		this.conflicts++;
	}

	public int getCreated() {
		return this.created;
	}

	public int getUpdated() {
		return this.updated;
	}

	public int getDeleted() {
		return this.deleted;
	}

	public int getConflicts() {
		return this.conflicts;
	}

}
