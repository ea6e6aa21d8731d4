package com.wedsync.calsync.sync.plan;

/** What a deletion made on a calendar does to the platform's event. */
public enum CalendarDeletes {

	/** The platform event is deleted, and with it every other calendar's copy. */
	ACCEPT,
	/** The deletion is undone: the event is created on that calendar again. */
	REVERT

}
