package com.wedsync.calsync.integration;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.wedsync.calsync.caldav.ChangeMarkers;

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
	 * The ctag short-cut: the server reports the same change marker that was committed,
	 * so nothing in the calendar changed and it costs no further request.
	 */
	public boolean unchangedSinceLastSync() {
		return unchangedSince(this.pendingCtag, this.pendingSyncToken);
	}

	/**
	 * The same short-cut against a listing that was not recorded (the scheduler's change
	 * probe): calsync wrote nothing since the last sync and the listing shows the
	 * committed ctag or, from a server that lists no ctag, the committed sync-token.
	 */
	public boolean unchangedSince(String listedCtag, String listedSyncToken) {
		if (this.writtenAt != null) {
			return false;
		}
		if (listedCtag != null) {
			return listedCtag.equals(this.ctag);
		}
		return listedSyncToken != null && listedSyncToken.equals(this.syncToken);
	}

	/**
	 * The change markers to list these calendars with: the ctag alone, unless a calendar
	 * was committed with a sync-token but no ctag: its server lists none, and only the
	 * sync-token shows a change.
	 */
	public static ChangeMarkers changeMarkersFor(List<Calendar> calendars) {
		boolean withoutCtag = calendars.stream()
			.anyMatch((calendar) -> calendar.isSynced() && calendar.syncToken() != null && calendar.ctag() == null);
		return withoutCtag ? ChangeMarkers.CTAG_AND_SYNC_TOKEN : ChangeMarkers.CTAG;
	}

}
