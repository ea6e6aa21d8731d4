package com.wedsync.calsync.ical;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;

/**
 * The value of a DATE or DATE-TIME property as written (RFC 5545 §3.3.4, §3.3.5): one of
 * the three DATE-TIME forms (floating, UTC, local with TZID) or a DATE.
 * <p>
 * Read from the property text rather than through ical4j's {@code getDate()}, which would
 * need time zones registered with ical4j (see {@link ZoneLookup}).
 *
 * @param local the date-time as written; for a DATE, its midnight
 * @param tzid the TZID parameter, or {@code null}
 * @param utc whether the value ends in {@code Z}
 * @param date whether the value is a DATE
 */
record DateValue(LocalDateTime local, String tzid, boolean utc, boolean date) {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

	static DateValue of(Property property) {
		String tzid = property.getParameter(Parameter.TZID).map(Parameter::getValue).orElse(null);
		return of(property.getName(), property.getValue(), tzid);
	}

	/**
	 * @param name the property name, for the error message
	 * @param value the value as written
	 * @param tzid the TZID parameter, or {@code null}
	 */
	static DateValue of(String name, String value, String tzid) {
		String text = value.strip().toUpperCase(Locale.ROOT);
		try {
			if (text.length() == 8) {
				return new DateValue(LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(), null,
						false, true);
			}
			boolean utc = text.endsWith("Z");
			LocalDateTime local = LocalDateTime.parse(utc ? text.substring(0, text.length() - 1) : text, DATE_TIME);
			return new DateValue(local, utc ? null : tzid, utc, false);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidICalendarException("Invalid " + name + " value '" + value + "': not a DATE or DATE-TIME");
		}
	}

	boolean floating() {
		return !this.date && !this.utc && this.tzid == null;
	}

	/** Floating times and dates are read as UTC, as {@link EventTiming} documents. */
	Instant toInstant(ZoneLookup zones) {
		if (this.tzid != null) {
			return zones.toInstant(this.local, this.tzid);
		}
		return this.local.toInstant(ZoneOffset.UTC);
	}

	/** The zone name for {@link EventTiming#timeZone()}. */
	String timeZoneName() {
		if (this.utc) {
			return "UTC";
		}
		return this.date ? null : this.tzid;
	}

}
