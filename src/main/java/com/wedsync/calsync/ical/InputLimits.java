package com.wedsync.calsync.ical;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cheap checks on the raw text before ical4j builds a model of it: a calendar server
 * returns whatever a client stored, and one huge or component-bomb resource must not take
 * the memory of a whole sync.
 *
 * @param maxBytes the largest UTF-8 size accepted
 * @param maxComponents the most BEGIN lines (VCALENDAR, VEVENT, VALARM, ...) accepted
 */
record InputLimits(int maxBytes, int maxComponents) {

	/** iCloud caps a calendar object far below this; 1 MiB is generous for one event. */
	static final int DEFAULT_MAX_BYTES = 1024 * 1024;

	static final int DEFAULT_MAX_COMPONENTS = 1000;

	private static final Pattern BEGIN_LINE = Pattern.compile("^[ \\t]*BEGIN[ \\t]*:",
			Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

	private static final Pattern CALENDAR_START = Pattern.compile("\\A\\uFEFF?\\s*BEGIN[ \\t]*:[ \\t]*VCALENDAR",
			Pattern.CASE_INSENSITIVE);

	InputLimits {
		if (maxBytes < 1 || maxComponents < 1) {
			throw new IllegalArgumentException(
					"Limits must be positive: " + maxBytes + " bytes, " + maxComponents + " components");
		}
	}

	/**
	 * @throws InvalidICalendarException naming the first limit the text breaks
	 */
	void check(String icalendar) {
		if (icalendar == null || icalendar.isBlank()) {
			throw new InvalidICalendarException("Not iCalendar: the text is empty");
		}
		// a char is at least one UTF-8 byte, so a long string fails without encoding it
		if (icalendar.length() > this.maxBytes || icalendar.getBytes(StandardCharsets.UTF_8).length > this.maxBytes) {
			throw new InvalidICalendarException("iCalendar text is over the size limit of " + this.maxBytes + " bytes");
		}
		if (!CALENDAR_START.matcher(icalendar).lookingAt()) {
			throw new InvalidICalendarException("Not iCalendar: the text does not start with BEGIN:VCALENDAR");
		}
		int components = 0;
		Matcher begin = BEGIN_LINE.matcher(icalendar);
		while (begin.find()) {
			if (++components > this.maxComponents) {
				throw new InvalidICalendarException(
						"iCalendar text has more than the limit of " + this.maxComponents + " components");
			}
		}
	}

}
