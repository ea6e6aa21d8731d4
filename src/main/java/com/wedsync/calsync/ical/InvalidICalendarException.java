package com.wedsync.calsync.ical;

/**
 * The text is not a calendar object resource we can sync: not iCalendar, no VEVENT, no or
 * several UIDs, an unknown time zone, or over a size limit. The message says which.
 */
public class InvalidICalendarException extends RuntimeException {

	public InvalidICalendarException(String message) {
		super(message);
	}

	public InvalidICalendarException(String message, Throwable cause) {
		super(message, cause);
	}

}
