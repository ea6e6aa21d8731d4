package com.wedsync.calsync.caldav;

/**
 * The change markers a calendar listing asks for. Either one tells whether a calendar
 * changed, and a server may compute each afresh over all of a calendar's items on every
 * request (Radicale takes ~0.2 s per marker for 2,000 events), so calsync asks for the
 * ctag alone wherever the server lists one.
 */
public enum ChangeMarkers {

	/** {@code CS:getctag} only: what every server calsync meets lists. */
	CTAG,

	/** {@code CS:getctag} and {@code DAV:sync-token}, for a server that lists no ctag. */
	CTAG_AND_SYNC_TOKEN

}
