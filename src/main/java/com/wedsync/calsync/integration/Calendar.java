package com.wedsync.calsync.integration;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A calendar collection of an integration as last seen, with the sync state that was
 * committed: {@code ctag} and {@code syncToken} move only when every change they cover is
 * applied. The pending values are what the latest home listing (or sync report) showed.
 */
public record Calendar(UUID id, UUID integrationId, URI href, String displayName, String color, String ctag,
		String syncToken, String pendingCtag, String pendingSyncToken, boolean supportsSyncCollection,
		boolean holdsEvents, CalendarStatus status, String statusDetail, Instant lastSyncedAt,
		Instant deletionsConfirmedAt, Instant writtenAt) {

	/** Whether this calendar takes part in syncs. */
	public boolean isSynced() {
		return this.holdsEvents && this.status == CalendarStatus.ACTIVE;
	}

	/**
	 * Whether calsync created resources here after the stored token was taken: a
	 * diff-based sync-collection would hide their deletion, so changes are listed in
	 * full.
	 */
	public boolean hasOwnWritesNewerThanToken() {
		return this.writtenAt != null;
	}

	/**
	 * The ctag short-cut: the server reports the same ctag and sync-token that were
	 * committed, so nothing in the calendar changed and it costs no further request.
	 */
	public boolean unchangedSinceLastSync() {
		return unchangedSince(this.pendingCtag, this.pendingSyncToken);
	}

	/**
	 * The same short-cut against a listing that was not recorded (the scheduler's change
	 * probe): the listed ctag and sync-token are the committed ones and calsync wrote
	 * nothing since.
	 */
	public boolean unchangedSince(String listedCtag, String listedSyncToken) {
		return this.writtenAt == null && (this.ctag != null || this.syncToken != null)
				&& Objects.equals(this.ctag, listedCtag) && Objects.equals(this.syncToken, listedSyncToken);
	}

}
