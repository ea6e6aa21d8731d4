package com.wedsync.calsync.support;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.RecurrenceId;

/**
 * What a person sees of a calendar object: every occurrence in a window with its start,
 * end, summary, location and status, expanded by ical4j (RRULE, RDATE, EXDATE, then the
 * RECURRENCE-ID overrides replacing the occurrences they name). Independent of the code
 * under test, which never expands a series.
 */
public final class Occurrences {

	private Occurrences() {
	}

	/**
	 * @param icalendar one calendar object resource
	 * @return its occurrences starting in [{@code from}, {@code to}), sorted
	 */
	public static SortedSet<Occurrence> of(String icalendar, ZonedDateTime from, ZonedDateTime to) {
		Calendar calendar = parse(icalendar);
		List<VEvent> events = calendar.getComponents(Component.VEVENT);
		VEvent master = events.stream()
			.filter((event) -> event.getProperty(Property.RECURRENCE_ID).isEmpty())
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no master VEVENT in\n" + icalendar));
		List<VEvent> overrides = events.stream().filter((event) -> event != master).toList();
		Set<String> overridden = new TreeSet<>();
		for (VEvent override : overrides) {
			Temporal id = override.<RecurrenceId<Temporal>>getProperty(Property.RECURRENCE_ID).orElseThrow().getDate();
			overridden.add(key(id));
		}
		Period<ZonedDateTime> window = new Period<>(from, to);
		SortedSet<Occurrence> occurrences = new TreeSet<>();
		for (Period<Temporal> period : master.<Temporal>calculateRecurrenceSet(window)) {
			if (!overridden.contains(key(period.getStart()))) {
				add(occurrences, master, period, from, to);
			}
		}
		for (VEvent override : overrides) {
			for (Period<Temporal> period : override.<Temporal>calculateRecurrenceSet(window)) {
				add(occurrences, override, period, from, to);
			}
		}
		return occurrences;
	}

	private static void add(SortedSet<Occurrence> occurrences, VEvent event, Period<Temporal> period,
			ZonedDateTime from, ZonedDateTime to) {
		String start = key(period.getStart());
		Instant startInstant = instant(period.getStart());
		if (startInstant.isBefore(from.toInstant()) || !startInstant.isBefore(to.toInstant())) {
			return; // a longer event that began before the window is not one of its
					// occurrences
		}
		occurrences.add(new Occurrence(start, key(period.getEnd()), text(event, Property.SUMMARY),
				text(event, Property.LOCATION), text(event, Property.STATUS).map((s) -> s.toUpperCase(Locale.ROOT))));
	}

	/** Dates as dates, floating times as local times, the rest as instants. */
	private static String key(Temporal temporal) {
		if (temporal instanceof LocalDate date) {
			return date.toString();
		}
		if (temporal instanceof LocalDateTime local) {
			return local + " (floating)";
		}
		return instant(temporal).toString();
	}

	private static Instant instant(Temporal temporal) {
		if (temporal instanceof LocalDate date) {
			return date.atStartOfDay().toInstant(ZoneOffset.UTC);
		}
		if (temporal instanceof LocalDateTime local) {
			return local.toInstant(ZoneOffset.UTC);
		}
		if (temporal instanceof ZonedDateTime zoned) {
			return zoned.toInstant();
		}
		if (temporal instanceof OffsetDateTime offset) {
			return offset.toInstant();
		}
		return Instant.from(temporal);
	}

	private static Optional<String> text(VEvent event, String name) {
		return event.getProperty(name).map(Property::getValue).filter((value) -> !value.isBlank());
	}

	private static Calendar parse(String icalendar) {
		try {
			return new CalendarBuilder().build(new StringReader(icalendar));
		}
		catch (IOException | ParserException ex) {
			throw new IllegalArgumentException("not iCalendar: " + ex.getMessage() + "\n" + icalendar, ex);
		}
	}

	/** One occurrence as a person sees it. */
	public record Occurrence(String start, String end, Optional<String> summary, Optional<String> location,
			Optional<String> status) implements Comparable<Occurrence> {

		@Override
		public int compareTo(Occurrence other) {
			return toString().compareTo(other.toString());
		}

		@Override
		public String toString() {
			return this.start + " - " + this.end + " " + this.summary.orElse("(no summary)") + " @ "
					+ this.location.orElse("(nowhere)") + " " + this.status.orElse("");
		}

	}

}
