package com.wedsync.calsync.ical;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAmount;
import java.util.Optional;

import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TemporalAmountAdapter;

/** Reads DTSTART, DTEND and DURATION of one VEVENT into an {@link EventTiming}. */
final class EventTimingReader {

	private final ZoneLookup zones;

	EventTimingReader(ZoneLookup zones) {
		this.zones = zones;
	}

	ZoneLookup zones() {
		return this.zones;
	}

	EventTiming read(Component event) {
		DateValue start = DateValue.of(property(event, Property.DTSTART)
			.orElseThrow(() -> new InvalidICalendarException("VEVENT " + describe(event) + " has no DTSTART")));
		Instant startInstant = start.toInstant(this.zones);
		Instant end = property(event, Property.DTEND).map(DateValue::of)
			.map((value) -> value.toInstant(this.zones))
			.orElseGet(() -> endWithoutDtEnd(event, start, startInstant));
		return new EventTiming(startInstant, end, start.timeZoneName(), start.date(), start.floating());
	}

	/**
	 * RFC 5545 §3.6.1: DURATION if given; otherwise a DATE start lasts one day and a
	 * DATE-TIME start ends when it starts.
	 */
	private Instant endWithoutDtEnd(Component event, DateValue start, Instant startInstant) {
		Optional<Property> duration = property(event, Property.DURATION);
		if (duration.isEmpty()) {
			return start.date() ? startInstant.plus(Period.ofDays(1)) : startInstant;
		}
		TemporalAmount amount = parseDuration(duration.get());
		// §3.3.6: days and weeks are nominal (local calendar days across a DST change),
		// hours/minutes/seconds exact
		if (amount instanceof Period && start.tzid() != null) {
			return this.zones.toInstant(start.local().plus(amount), start.tzid());
		}
		if (amount instanceof Period) {
			return start.local().plus(amount).toInstant(ZoneOffset.UTC);
		}
		return startInstant.plus(amount);
	}

	private static TemporalAmount parseDuration(Property duration) {
		try {
			return TemporalAmountAdapter.parse(duration.getValue().strip()).getDuration();
		}
		catch (RuntimeException ex) {
			throw new InvalidICalendarException("Invalid DURATION value '" + duration.getValue() + "'", ex);
		}
	}

	static Optional<Property> property(Component component, String name) {
		return component.<Property>getProperties()
			.stream()
			.filter((property) -> property.getName().equalsIgnoreCase(name))
			.findFirst();
	}

	private static String describe(Component event) {
		return property(event, Property.UID).map(Property::getValue).orElse("(no UID)");
	}

}
