package com.wedsync.calsync.sync.plan;

/** Why the planner discarded a value. */
public enum ConflictRule {

	/** The field is owned by the platform for this kind: the calendar's value goes. */
	PLATFORM_AUTHORITATIVE,
	/** Both sides changed the field; the later LAST-MODIFIED won. */
	LATER_EDIT_WINS,
	/**
	 * Both sides changed the field at the same time, or the calendar's time is unknown.
	 */
	TIE_TO_PLATFORM,
	/** One side deleted the event, the other edited it: the edit won. */
	EDIT_BEATS_DELETE,
	/** The kind's policy does not accept deletions made on calendars. */
	CALENDAR_DELETE_REVERTED,
	/**
	 * A calendar held a copy of a platform event it was not linked to yet: with no base
	 * to tell who changed what, the platform's fields win.
	 */
	PLATFORM_WINS_ON_LINK

}
