package com.wedsync.calsync.ical;

/** A field of an event that the sync merges on its own. */
public enum EventField {

	KIND, SUMMARY, LOCATION, DESCRIPTION,
	/**
	 * Start, end, time zone and all-day flag together: they only make sense as a whole.
	 */
	TIMING,
	/** RRULE and the RECURRENCE-ID overrides together. */
	RECURRENCE

}
