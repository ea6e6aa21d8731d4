package com.wedsync.calsync.sync.plan;

/** What propagating a platform event does to one calendar. */
public enum CalendarWrite {

	/**
	 * The calendar already holds the platform's version, or should not hold it at all.
	 */
	NOTHING,
	/** Create the event there ({@code If-None-Match: *}). */
	CREATE,
	/**
	 * The calendar holds a copy made by hand (same title, start and place) that no event
	 * is linked to: merge it like a remote change, which links it, rather than create a
	 * second one.
	 */
	MERGE_UNLINKED_COPY,
	/** Write the platform's version over the linked copy ({@code If-Match}). */
	UPDATE,
	/** The calendar no longer shows the event: delete its copy. */
	DELETE

}
