package com.wedsync.calsync.sync.pull;

/** What applying one remote change did to the platform's data. */
public enum ApplyOutcome {

	/** A new event was imported. */
	CREATED,
	/** An event's content changed. */
	UPDATED,
	/** An event seen in another calendar was linked to this one as well (same UID). */
	LINKED,
	/** The event left this calendar; gone from the platform if no calendar holds it. */
	DELETED,
	/** Only the ETag moved (the server rewrote the same content) or nothing was known. */
	UNCHANGED,
	/**
	 * A second href with a UID this calendar already holds; the first one stays linked.
	 */
	DUPLICATE

}
