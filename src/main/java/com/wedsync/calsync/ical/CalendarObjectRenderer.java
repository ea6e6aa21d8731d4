package com.wedsync.calsync.ical;

/** Writes calendar object resources. Thread-safe. */
public interface CalendarObjectRenderer {

	/**
	 * Renders an event as one calendar object resource: VCALENDAR with the master VEVENT,
	 * its overrides and the VTIMEZONEs they need; always with DTEND (iCloud rejects
	 * events without it) and {@code X-WEDSYNC-KIND}.
	 * @param uid the UID of every VEVENT; a template's own UID is kept instead when it
	 * has one (a calendar-side copy linked to a platform event keeps its identity there)
	 * @param fields what to write
	 * @param template the calendar's current version of this event, or {@code null};
	 * everything the platform does not model (VALARM, ATTENDEE, ORGANIZER, X-APPLE-*, any
	 * unknown or X- property, CATEGORIES, SEQUENCE bumped) is kept from it
	 * @return iCalendar text with CRLF line ends
	 */
	String render(String uid, EventFields fields, String template);

}
