package com.wedsync.calsync.sync.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.wedsync.calsync.ical.EventFields;

/**
 * Recognises iOS's "this and future" edit. iOS cuts the series at the occurrence edited
 * (its RRULE gets an UNTIL just before it) and saves the rest as a new event with a new
 * UID and nothing that names the old one. The new event continues a series when that
 * series' copy in the same calendar now ends at most {@link #GAP} before the new event
 * starts.
 */
public final class SeriesSplit {

	/** The longest gap between a cut series' end and its continuation's start. */
	static final Duration GAP = Duration.ofDays(35);

	private static final Pattern UNTIL = Pattern.compile("(?:^|;)UNTIL=([0-9TZ]+)");

	private SeriesSplit() {
	}

	/**
	 * @param series a series' copy in a calendar, as it is now (its cut, if any,
	 * included)
	 * @param newEvent an event new to that calendar
	 */
	public static boolean continues(EventFields series, EventFields newEvent) {
		Optional<Instant> until = until(series.recurrenceRule());
		if (until.isEmpty()) {
			return false;
		}
		Instant start = newEvent.timing().start();
		return start.isAfter(until.get()) && !start.isAfter(until.get().plus(GAP))
				&& !series.timing().start().isAfter(until.get());
	}

	/**
	 * The UNTIL of a rule, a date read as its end (the last instant of that day, UTC).
	 */
	static Optional<Instant> until(String rule) {
		if (rule == null) {
			return Optional.empty();
		}
		Matcher until = UNTIL.matcher(rule);
		if (!until.find()) {
			return Optional.empty();
		}
		String value = until.group(1);
		try {
			if (value.length() == 8) {
				return Optional.of(LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE)
					.plusDays(1)
					.atStartOfDay()
					.toInstant(ZoneOffset.UTC)
					.minusSeconds(1));
			}
			String local = value.endsWith("Z") ? value.substring(0, value.length() - 1) : value;
			return Optional.of(LocalDateTime.parse(local, DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss"))
				.toInstant(ZoneOffset.UTC));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
