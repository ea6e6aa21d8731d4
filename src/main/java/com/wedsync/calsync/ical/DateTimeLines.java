package com.wedsync.calsync.ical;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes DTSTART, DTEND, RECURRENCE-ID, EXDATE and RDATE in the form an
 * {@link EventTiming} says (RFC 5545 §3.3.4, §3.3.5), so that {@link DateValue} reads
 * back the same instants.
 * <p>
 * Local times in a zone are computed with the rules the parser will read them with: the
 * template's VTIMEZONE when it has one for the zone, else the JDK's (see
 * {@link ZoneLookup}). An instant in the second pass of a DST overlap has no TZID form of
 * its own (§3.3.5 reads such a local time with the earlier offset); it is written as the
 * local time anyway, since changing the event's zone would be the bigger surprise.
 */
final class DateTimeLines {

	private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

	private final ZoneLookup zones;

	DateTimeLines(ZoneLookup zones) {
		this.zones = zones;
	}

	String start(EventTiming timing) {
		return line("DTSTART", timing.start(), timing);
	}

	String end(EventTiming timing) {
		return line("DTEND", timing.end(), timing);
	}

	/**
	 * @param recurrenceId an ISO date (all-day occurrence) or ISO instant, as
	 * {@link EventOverride#recurrenceId()}
	 * @param master the master's timing, whose form the id takes (§3.8.4.4: "the same
	 * value type as the DTSTART property")
	 */
	String recurrenceId(String recurrenceId, EventTiming master) {
		return occurrence("RECURRENCE-ID", recurrenceId, master);
	}

	/**
	 * A line naming one occurrence (RECURRENCE-ID, EXDATE, RDATE) in the master's form.
	 * @param occurrence an ISO date or ISO instant, as
	 * {@link EventOverride#recurrenceId()}
	 */
	String occurrence(String name, String occurrence, EventTiming master) {
		if (occurrence.length() == 10) {
			return name + ";VALUE=DATE:" + LocalDate.parse(occurrence).format(DATE);
		}
		Instant instant = Instant.parse(occurrence);
		if (master.allDay()) {
			// an instant under an all-day master has no DATE form reading back the same
			return name + ":" + utc(instant).format(DATE_TIME) + "Z";
		}
		return line(name, instant, master);
	}

	static String timestamp(String name, Instant instant) {
		return name + ":" + utc(instant).format(DATE_TIME) + "Z";
	}

	private String line(String name, Instant instant, EventTiming form) {
		if (form.allDay()) {
			return name + ";VALUE=DATE:" + utc(instant).toLocalDate().format(DATE);
		}
		if (form.floating()) {
			// floating times are read as UTC (EventTiming), so they are written from UTC
			return name + ":" + utc(instant).format(DATE_TIME);
		}
		if (form.timeZone() == null) {
			throw new IllegalArgumentException("A timed, non-floating EventTiming needs a time zone: " + form);
		}
		if (form.timeZone().equals("UTC")) {
			return timestamp(name, instant);
		}
		ZoneOffset offset = this.zones.rulesFor(form.timeZone()).getOffset(instant);
		return name + ";TZID=" + tzidParameter(form.timeZone()) + ":"
				+ LocalDateTime.ofInstant(instant, offset).format(DATE_TIME);
	}

	/** §3.2: a parameter value with ':', ';' or ',' must be quoted. */
	private static String tzidParameter(String tzid) {
		return tzid.matches(".*[:;,].*") ? "\"" + tzid + "\"" : tzid;
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
