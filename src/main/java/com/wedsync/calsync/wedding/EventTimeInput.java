package com.wedsync.calsync.wedding;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.wedsync.calsync.ical.EventTiming;
import com.wedsync.calsync.web.InvalidRequestException;

/**
 * The API's times: ISO-8601 local date-times in the event's time zone, or dates for
 * all-day events (the end date exclusive, as in iCalendar). They become instants, with
 * all-day dates at 00:00 UTC and no zone, as {@link EventTiming} holds them.
 */
final class EventTimeInput {

	/**
	 * The years an event may fall in. Calendar apps and servers disagree beyond
	 * four-digit years (a year +99999 is written {@code +999971026T…} and refused), and
	 * no wedding is planned before 1900 or after 2200.
	 */
	static final int EARLIEST_YEAR = 1900;

	static final int LATEST_YEAR = 2200;

	static final String SUPPORTED_YEARS = "the years " + EARLIEST_YEAR + " to " + LATEST_YEAR;

	private EventTimeInput() {
	}

	/** Passes when the instant falls in a year an event may have. */
	static void requireSupportedYear(String field, Instant instant) {
		requireSupportedYear(field, LocalDateTime.ofInstant(instant, ZoneOffset.UTC).getYear());
	}

	static void requireSupportedYear(String field, int year) {
		if (!isSupportedYear(year)) {
			throw new InvalidRequestException(field, field + " must fall in " + SUPPORTED_YEARS);
		}
	}

	static boolean isSupportedYear(int year) {
		return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
	}

	/** A region id the JDK knows, such as {@code Europe/London} or {@code UTC}. */
	static ZoneId zone(String field, String text) {
		if (text == null || !ZoneId.getAvailableZoneIds().contains(text.strip())) {
			throw new InvalidRequestException(field,
					field + " '" + text + "' is not a known time zone (an IANA id such as Europe/London)");
		}
		return ZoneId.of(text.strip());
	}

	/**
	 * @param zone the zone of the local times; ignored for all-day events
	 */
	static EventTiming timing(String start, String end, ZoneId zone, boolean allDay) {
		Instant startAt = instant("start", start, zone, allDay);
		Instant endAt = instant("end", end, zone, allDay);
		if (!endAt.isAfter(startAt)) {
			throw new InvalidRequestException("end", "end (" + end + ") must be after start (" + start + ")");
		}
		return new EventTiming(startAt, endAt, allDay ? null : zone.getId(), allDay, false);
	}

	/**
	 * A local date-time (or a date) in the zone; a time that falls in a daylight-saving
	 * gap is moved later by the gap's length, as RFC 5545 §3.3.5 reads it.
	 */
	static Instant instant(String field, String text, ZoneId zone, boolean allDay) {
		if (text == null || text.isBlank()) {
			throw new InvalidRequestException(field, field + " is required");
		}
		try {
			if (allDay) {
				LocalDate date = LocalDate.parse(text.strip());
				requireSupportedYear(field, date.getYear());
				return date.atStartOfDay().toInstant(ZoneOffset.UTC);
			}
			LocalDateTime local = LocalDateTime.parse(text.strip());
			requireSupportedYear(field, local.getYear());
			return local.atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			String expected = allDay ? "an ISO date (2026-06-20) for an all-day event"
					: "an ISO local date-time (2026-06-20T15:00) in the event's time zone";
			throw new InvalidRequestException(field, field + " '" + text + "' is not " + expected);
		}
	}

	/** The inverse of {@link #instant}: what a client would send for the instant. */
	static String localText(Instant instant, ZoneId zone, boolean allDay) {
		if (allDay) {
			return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
		}
		return LocalDateTime.ofInstant(instant, zone).toString();
	}

	/**
	 * A RECURRENCE-ID as {@code EventOverride} holds it: the ISO date for all-day events,
	 * else the instant of the local date-time.
	 */
	static String recurrenceId(String field, String text, ZoneId zone, boolean allDay) {
		Instant instant = instant(field, text, zone, allDay);
		return allDay ? LocalDate.ofInstant(instant, ZoneOffset.UTC).toString() : instant.toString();
	}

}
