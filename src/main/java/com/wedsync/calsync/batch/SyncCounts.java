package com.wedsync.calsync.batch;

/** What a sync did, as reported by the API. */
public record SyncCounts(int read, int created, int updated, int deleted, int conflicts, int deadLettered) {

	public static final SyncCounts NONE = new SyncCounts(0, 0, 0, 0, 0, 0);

	SyncCounts plus(SyncCounts other) {
		return new SyncCounts(this.read + other.read, this.created + other.created, this.updated + other.updated,
				this.deleted + other.deleted, this.conflicts + other.conflicts, this.deadLettered + other.deadLettered);
	}

}
