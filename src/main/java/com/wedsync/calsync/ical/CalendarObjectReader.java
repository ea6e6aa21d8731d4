package com.wedsync.calsync.ical;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VTimeZone;

/**
 * Maps one parsed calendar object resource to a {@link CalendarObject}, enforcing RFC
 * 4791 §4.1: every VEVENT carries the same UID, and exactly one of them (the master) has
 * no RECURRENCE-ID.
 */
final class CalendarObjectReader {

	private static final String KIND_PROPERTY = "X-WEDSYNC-KIND";

	private final List<Component> events;

	private final EventTimingReader timings;

	CalendarObjectReader(Calendar calendar) {
		List<CalendarComponent> components = calendar.getComponents();
		this.events = components.stream()
			.filter((component) -> component.getName().equalsIgnoreCase(Component.VEVENT))
			.collect(Collectors.toList());
		List<VTimeZone> timeZones = components.stream()
			.filter(VTimeZone.class::isInstance)
			.map(VTimeZone.class::cast)
			.toList();
		this.timings = new EventTimingReader(new ZoneLookup(timeZones));
	}

	CalendarObject read(String contentHash, String icalendar) {
		if (this.events.isEmpty()) {
			throw new InvalidICalendarException("No VEVENT in the calendar object");
		}
		String uid = singleUid();
		Component master = master();
		List<EventOverride> overrides = this.events.stream()
			.filter((event) -> event != master)
			.map(this::override)
			.sorted(Comparator.comparing(EventOverride::recurrenceId))
			.toList();
		return new CalendarObject(uid, kindOf(master), text(master, Property.SUMMARY), text(master, Property.LOCATION),
				text(master, Property.DESCRIPTION), this.timings.read(master), text(master, Property.RRULE), overrides,
				lastModified(master), contentHash, icalendar);
	}

	private String singleUid() {
		Set<String> uids = new TreeSet<>();
		for (Component event : this.events) {
			String uid = text(event, Property.UID);
			if (uid == null || uid.isBlank()) {
				throw new InvalidICalendarException("A VEVENT has no UID");
			}
			uids.add(uid.strip());
		}
		if (uids.size() > 1) {
			throw new InvalidICalendarException(
					"More than one UID in one calendar object resource: " + String.join(", ", uids));
		}
		return uids.iterator().next();
	}

	private Component master() {
		List<Component> masters = this.events.stream()
			.filter((event) -> EventTimingReader.property(event, Property.RECURRENCE_ID).isEmpty())
			.toList();
		if (masters.size() != 1) {
			throw new InvalidICalendarException(
					"Expected exactly one master VEVENT (without RECURRENCE-ID), found " + masters.size());
		}
		return masters.get(0);
	}

	private EventOverride override(Component event) {
		DateValue recurrenceId = DateValue.of(EventTimingReader.property(event, Property.RECURRENCE_ID).orElseThrow());
		String id = recurrenceId.date() ? recurrenceId.local().toLocalDate().toString()
				: recurrenceId.toInstant(this.timings.zones()).toString();
		boolean cancelled = "CANCELLED".equalsIgnoreCase(text(event, Property.STATUS));
		return new EventOverride(id, this.timings.read(event), text(event, Property.SUMMARY), cancelled);
	}

	/**
	 * X-WEDSYNC-KIND (written by the platform) wins over CATEGORIES (typed by people).
	 */
	static EventKind kindOf(Component event) {
		Optional<EventKind> declared = EventTimingReader.property(event, KIND_PROPERTY)
			.flatMap((property) -> EventKind.fromText(property.getValue()));
		if (declared.isPresent()) {
			return declared.get();
		}
		return event.<Property>getProperties()
			.stream()
			.filter((property) -> property.getName().equalsIgnoreCase(Property.CATEGORIES))
			.flatMap((property) -> List.of(property.getValue().split(",")).stream())
			.map(EventKind::fromText)
			.flatMap(Optional::stream)
			.findFirst()
			.orElse(EventKind.OTHER);
	}

	private Instant lastModified(Component master) {
		return EventTimingReader.property(master, Property.LAST_MODIFIED)
			.map(DateValue::of)
			.map((value) -> value.toInstant(this.timings.zones()))
			.orElse(null);
	}

	private static String text(Component component, String name) {
		return EventTimingReader.property(component, name).map(Property::getValue).orElse(null);
	}

}
