package com.wedsync.calsync.ical;

import java.util.Locale;

/**
 * The calendar object is valid iCalendar but holds no event: a task (VTODO), a journal
 * entry (VJOURNAL), free/busy or availability data, or only VTIMEZONEs. Calendars that
 * also hold tasks (DAViCal's default, Thunderbird, Evolution) are ordinary: such items
 * are skipped, not parked as bad.
 */
public class NotAnEventException extends InvalidICalendarException {

	/** What an object holds instead of an event. */
	public enum Content {

		VTODO, VJOURNAL, VFREEBUSY, VAVAILABILITY, VTIMEZONE_ONLY;

		/** The metric tag value. */
		public String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final Content content;

	NotAnEventException(Content content) {
		super("Not an event: the calendar object holds "
				+ ((content == Content.VTIMEZONE_ONLY) ? "only VTIMEZONEs" : "a " + content.name()));
		this.content = content;
	}

	public Content content() {
		return this.content;
	}

}
