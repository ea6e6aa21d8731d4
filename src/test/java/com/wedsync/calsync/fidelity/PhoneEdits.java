package com.wedsync.calsync.fidelity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits of a calendar object as a phone writes them: on the text the server holds,
 * touching only what the person changed (and LAST-MODIFIED), so everything else a
 * calendar carries stays as the server had it.
 */
final class PhoneEdits {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Pattern VEVENT = Pattern.compile("(?s)BEGIN:VEVENT\r\n.*?END:VEVENT\r\n");

	private PhoneEdits() {
	}

	/** §3.1 unfolding, so a property is one line to edit. */
	static String unfold(String icalendar) {
		return icalendar.replace("\r\n ", "").replace("\r\n\t", "");
	}

	/** Sets a property of the master VEVENT (the one without RECURRENCE-ID). */
	static String setOnMaster(String icalendar, String name, String value, Instant now) {
		return editMaster(icalendar, (master) -> touch(set(master, name, value), now));
	}

	/** Adds a line to the master VEVENT, as an EXDATE. */
	static String addToMaster(String icalendar, String line, Instant now) {
		return editMaster(icalendar,
				(master) -> touch(master.replace("END:VEVENT\r\n", line + "\r\nEND:VEVENT\r\n"), now));
	}

	/**
	 * Adds an override moving one occurrence, unless it has one.
	 * @param recurrenceId the RECURRENCE-ID line, in the master's DTSTART form as iOS
	 * writes it
	 */
	static String addOverride(String icalendar, String uid, String recurrenceId, Instant start, String summary,
			String location, Instant now) {
		if (icalendar.contains(recurrenceId)) {
			return icalendar;
		}
		String override = "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:" + UTC.format(now) + "\r\nLAST-MODIFIED:"
				+ UTC.format(now) + "\r\n" + recurrenceId + "\r\nDTSTART:" + UTC.format(start) + "\r\nDTEND:"
				+ UTC.format(start.plusSeconds(3600)) + "\r\nSUMMARY:" + summary + "\r\nLOCATION:" + location
				+ "\r\nEND:VEVENT\r\n";
		return icalendar.replace("END:VCALENDAR", override + "END:VCALENDAR");
	}

	/** The value of a property of the master, if it has one. */
	static Optional<String> masterValue(String icalendar, String name) {
		Matcher line = Pattern.compile("(?m)^" + name + "(?:;[^:\r\n]*)?:([^\r\n]*)").matcher(master(icalendar));
		return line.find() ? Optional.of(line.group(1)) : Optional.empty();
	}

	/**
	 * iOS's "this and future" from an occurrence: the series ends the second before it
	 * (UNTIL), and the rest is a new series with a new UID, which this returns.
	 */
	static String[] split(String icalendar, String newUid, Instant from, int remaining, Instant now) {
		String cut = setOnMaster(icalendar, "RRULE", "FREQ=WEEKLY;UNTIL=" + UTC.format(from.minusSeconds(1)), now);
		String rest = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Apple Inc.//iPhone OS 17.4//EN\r\nBEGIN:VEVENT\r\nUID:"
				+ newUid + "\r\nDTSTAMP:" + UTC.format(now) + "\r\nLAST-MODIFIED:" + UTC.format(now) + "\r\nDTSTART:"
				+ UTC.format(from) + "\r\nDTEND:" + UTC.format(from.plusSeconds(3600)) + "\r\nRRULE:FREQ=WEEKLY;COUNT="
				+ remaining + "\r\nSUMMARY:" + masterValue(icalendar, "SUMMARY").orElse("Lesson") + "\r\n"
				+ masterValue(icalendar, "LOCATION").map((l) -> "LOCATION:" + l + "\r\n").orElse("")
				+ "X-WEDSYNC-KIND:MEETING\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
		return new String[] { cut, rest };
	}

	private static String master(String icalendar) {
		Matcher events = VEVENT.matcher(icalendar);
		while (events.find()) {
			if (!events.group().contains("\r\nRECURRENCE-ID")) {
				return events.group();
			}
		}
		throw new IllegalArgumentException("no master VEVENT in\n" + icalendar);
	}

	private static String editMaster(String icalendar, java.util.function.UnaryOperator<String> edit) {
		String master = master(icalendar);
		return icalendar.replace(master, edit.apply(master));
	}

	private static String set(String component, String name, String value) {
		Matcher line = Pattern.compile("(?m)^" + name + "(?:;[^:\r\n]*)?:.*\r\n").matcher(component);
		String replacement = name + ":" + value + "\r\n";
		if (line.find()) {
			return component.substring(0, line.start()) + replacement + component.substring(line.end());
		}
		return component.replace("END:VEVENT\r\n", replacement + "END:VEVENT\r\n");
	}

	private static String touch(String component, Instant now) {
		return set(component, "LAST-MODIFIED", UTC.format(now));
	}

}
