package com.wedsync.calsync.ical;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
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

	private final List<CalendarComponent> components;

	private final List<Component> events;

	private final EventTimingReader timings;

	CalendarObjectReader(Calendar calendar) {
		List<CalendarComponent> components = calendar.getComponents();
		this.components = components;
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
			throw withoutEvents();
		}
		String uid = singleUid();
		Component master = master();
		List<EventOverride> overrides = this.events.stream()
			.filter((event) -> event != master)
			.map(this::override)
			.sorted(Comparator.comparing(EventOverride::recurrenceId))
			.toList();
		EventFields fields = new EventFields(kindOf(master), text(master, Property.SUMMARY),
				text(master, Property.LOCATION), text(master, Property.DESCRIPTION), this.timings.read(master),
				text(master, Property.RRULE), overrides, occurrences(master, Property.EXDATE),
				occurrences(master, Property.RDATE), token(master, Property.STATUS), text(master, Property.URL),
				nonDefault(token(master, Property.TRANSP), "OPAQUE"),
				nonDefault(token(master, Property.CLASS), "PUBLIC"));
		return new CalendarObject(uid, fields, lastModified(master), contentHash, icalendar);
	}

	/**
	 * Every value of every EXDATE or RDATE line, spelt as an override's recurrence id. A
	 * PERIOD value (RDATE) counts by its start: the occurrence takes the event's
	 * duration.
	 */
	private List<String> occurrences(Component event, String name) {
		List<String> ids = new ArrayList<>();
		for (Property property : event.<Property>getProperties()) {
			if (!property.getName().equalsIgnoreCase(name)) {
				continue;
			}
			String tzid = property.getParameter(Parameter.TZID).map(Parameter::getValue).orElse(null);
			for (String value : property.getValue().split(",")) {
				if (!value.isBlank()) {
					String start = (value.indexOf('/') >= 0) ? value.substring(0, value.indexOf('/')) : value;
					ids.add(occurrenceId(DateValue.of(name, start, tzid)));
				}
			}
		}
		return ids;
	}

	private String occurrenceId(DateValue value) {
		return value.date() ? value.local().toLocalDate().toString() : value.toInstant(this.timings.zones()).toString();
	}

	/** What an object without a VEVENT holds instead; nothing known is invalid. */
	private InvalidICalendarException withoutEvents() {
		Set<String> names = this.components.stream()
			.map((component) -> component.getName().toUpperCase(Locale.ROOT))
			.collect(Collectors.toCollection(TreeSet::new));
		for (NotAnEventException.Content content : NotAnEventException.Content.values()) {
			if (names.contains(content.name())) {
				return new NotAnEventException(content);
			}
		}
		if (names.equals(Set.of(Component.VTIMEZONE))) {
			return new NotAnEventException(NotAnEventException.Content.VTIMEZONE_ONLY);
		}
		return new InvalidICalendarException("No VEVENT in the calendar object");
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
		String id = occurrenceId(DateValue.of(EventTimingReader.property(event, Property.RECURRENCE_ID).orElseThrow()));
		return new EventOverride(id, this.timings.read(event), text(event, Property.SUMMARY),
				text(event, Property.LOCATION), text(event, Property.DESCRIPTION), token(event, Property.STATUS));
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

	/** An enumerated value (STATUS, TRANSP, CLASS): upper case, blank as none. */
	private static String token(Component component, String name) {
		String value = text(component, name);
		return (value == null || value.isBlank()) ? null : value.strip().toUpperCase(Locale.ROOT);
	}

	/**
	 * RFC 5545 gives TRANSP and CLASS defaults; spelt out or left out, they are one
	 * value.
	 */
	private static String nonDefault(String value, String defaultValue) {
		return defaultValue.equals(value) ? null : value;
	}

	private static String text(Component component, String name) {
		return EventTimingReader.property(component, name).map(Property::getValue).orElse(null);
	}

}
