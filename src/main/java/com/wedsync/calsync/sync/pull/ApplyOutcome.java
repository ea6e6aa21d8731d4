package com.wedsync.calsync.sync.pull;

/** What applying one remote change did to the platform's data. */
public enum ApplyOutcome {

	/** A new event was imported. */
	CREATED,
	/** An event's content changed. */
	UPDATED,
	/**
	 * The calendar's copy was linked to an event it already had (its resource was deleted
	 * and made again).
	 */
	LINKED,
	/** The event left this calendar; gone from the platform if no calendar holds it. */
	DELETED,
	/** Only the ETag moved (the server rewrote the same content) or nothing was known. */
	UNCHANGED,
	/**
	 * A second href with a UID this calendar already holds; the first one stays linked.
	 */
	DUPLICATE,
	/** Not an event (a task, a note): left alone, counted, never a dead letter. */
	NOT_AN_EVENT

}
