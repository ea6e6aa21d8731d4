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
 * {@code readOnly}: the account may read the calendar but not write it (its privileges
 * say so, or a refused write did); it is synced one way, from the calendar.
 */
public record Calendar(UUID id, UUID integrationId, URI href, String displayName, String color, String ctag,
		String syncToken, String pendingCtag, String pendingSyncToken, boolean supportsSyncCollection,
		boolean holdsEvents, CalendarStatus status, String statusDetail, Instant lastSyncedAt,
		Instant deletionsConfirmedAt, Instant writtenAt, boolean readOnly) {

	/** A calendar the account may write. */
	public Calendar(UUID id, UUID integrationId, URI href, String displayName, String color, String ctag,
			String syncToken, String pendingCtag, String pendingSyncToken, boolean supportsSyncCollection,
			boolean holdsEvents, CalendarStatus status, String statusDetail, Instant lastSyncedAt,
			Instant deletionsConfirmedAt, Instant writtenAt) {
		this(id, integrationId, href, displayName, color, ctag, syncToken, pendingCtag, pendingSyncToken,
				supportsSyncCollection, holdsEvents, status, statusDetail, lastSyncedAt, deletionsConfirmedAt,
				writtenAt, false);
	}

	/** Whether this calendar takes part in syncs. */
	public boolean isSynced() {
		return this.holdsEvents && this.status == CalendarStatus.ACTIVE;
	}

	/**
	 * Whether calsync holds content newer than the stored token: its own writes, bodies
	 * fetched newer than the report that listed them, or changes applied while the token
	 * stayed behind. Where a token names the calendar's content (Radicale, Xandikos), a
	 * later undo of that content brings the token back and a sync-collection diff from it
	 * hides the undo, so changes are listed in full and no marker short-cut is taken.
	 */
	public boolean isAheadOfToken() {
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
	 * probe): calsync is not ahead of its token and the listing shows the committed ctag
	 * or, where no ctag was committed, the committed sync-token.
	 * <p>
	 * A sync that needed a report commits no ctag unless the listing showed the token the
	 * report ended with: the ctag listed was read before the report, so it may describe a
	 * state calsync never held, and a server whose ctag hashes the calendar's content
	 * (Radicale, Xandikos) shows it again when that state comes back (an event added
	 * during the sync and deleted later). The sync-token comes from the report itself
	 * (where calsync fetched something newer than the report listed, it is
	 * {@linkplain #isAheadOfToken ahead of the token} and takes no short-cut). A calendar
	 * without sync-collection goes by the ctag alone: a token it lists was never checked
	 * against a report.
	 */
	public boolean unchangedSince(String listedCtag, String listedSyncToken) {
		if (isAheadOfToken()) {
			return false;
		}
		if (this.ctag != null && listedCtag != null) {
			return listedCtag.equals(this.ctag);
		}
		return this.supportsSyncCollection && listedSyncToken != null && listedSyncToken.equals(this.syncToken);
	}

	/**
	 * Whether an unchanged listing's ctag can be adopted as this calendar's committed
	 * one: none is committed and the same listing showed the committed sync-token.
	 */
	public boolean adoptsCtagFrom(String listedCtag, String listedSyncToken) {
		return this.ctag == null && listedCtag != null && unchangedSince(listedCtag, listedSyncToken);
	}

	/**
	 * The change markers to list these calendars with: the ctag alone, unless a calendar
	 * was committed with a sync-token but no ctag (its server lists none, or its last
	 * sync needed a report): only the sync-token shows whether it changed.
	 */
	public static ChangeMarkers changeMarkersFor(List<Calendar> calendars) {
		boolean withoutCtag = calendars.stream()
			.anyMatch((calendar) -> calendar.isSynced() && calendar.syncToken() != null && calendar.ctag() == null);
		return withoutCtag ? ChangeMarkers.CTAG_AND_SYNC_TOKEN : ChangeMarkers.CTAG;
	}

}
