package com.wedsync.calsync.ical;

/** Reads one calendar object resource. Thread-safe. */
public interface CalendarObjectParser {

	/**
	 * @throws InvalidICalendarException when the text cannot be synced, with the reason
	 */
	CalendarObject parse(String icalendar);

}
