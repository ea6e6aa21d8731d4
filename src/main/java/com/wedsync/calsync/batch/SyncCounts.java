package com.wedsync.calsync.batch;

/**
 * What a sync did, as reported by the API.
 *
 * @param readOnlySkipped calendar writes not sent because the calendar is read-only for
 * the account (not failures: the calendar is synced one way)
 */
public record SyncCounts(int read, int created, int updated, int deleted, int conflicts, int deadLettered,
		int readOnlySkipped) {

	public static final SyncCounts NONE = new SyncCounts(0, 0, 0, 0, 0, 0, 0);

	/** Counts without read-only skips. */
	public SyncCounts(int read, int created, int updated, int deleted, int conflicts, int deadLettered) {
		this(read, created, updated, deleted, conflicts, deadLettered, 0);
	}

	SyncCounts plus(SyncCounts other) {
		return new SyncCounts(this.read + other.read, this.created + other.created, this.updated + other.updated,
				this.deleted + other.deleted, this.conflicts + other.conflicts, this.deadLettered + other.deadLettered,
				this.readOnlySkipped + other.readOnlySkipped);
	}

}
