package com.wedsync.calsync.ical;

/** A field of an event that the sync merges on its own. */
public enum EventField {

	KIND, SUMMARY, LOCATION, DESCRIPTION,
	/**
	 * Start, end, time zone and all-day flag together: they only make sense as a whole.
	 */
	TIMING,
	/** RRULE, RDATE and the RECURRENCE-ID overrides together: the recurrence set. */
	RECURRENCE,
	/**
	 * EXDATE on its own, so that an occurrence deleted on a phone ("Delete This Event
	 * Only") merges with an edit of the series made elsewhere.
	 */
	EXCLUSIONS,
	/** STATUS of the master: a whole series cancelled or tentative. */
	STATUS, URL,
	/** TRANSP: whether the event shows as busy. */
	TRANSPARENCY,
	/** CLASS: public, private or confidential. */
	CLASSIFICATION

}
