package com.wedsync.calsync.caldav;

/**
 * The change markers a calendar listing asks for. Either one tells whether a calendar
 * changed, and a server may compute each afresh over all of a calendar's items on every
 * request (Radicale takes ~0.2 s per marker for 2,000 events), so calsync asks for the
 * ctag alone wherever the server lists one.
 */
public enum ChangeMarkers {

	/**
	 * {@code CS:getctag} only: enough while every synced calendar has a committed ctag.
	 */
	CTAG,

	/**
	 * {@code CS:getctag} and {@code DAV:sync-token}: a synced calendar has a committed
	 * sync-token but no ctag (its server lists none, or its last sync needed a report).
	 */
	CTAG_AND_SYNC_TOKEN

}
