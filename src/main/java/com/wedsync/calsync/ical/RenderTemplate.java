package com.wedsync.calsync.ical;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VTimeZone;

/**
 * The calendar's current version of an event, read twice: as fields (to tell what
 * changed, for SEQUENCE and to keep unchanged lines as they were) and as raw components
 * (to write back what the platform does not model).
 */
final class RenderTemplate {

	private static final RenderTemplate NONE = new RenderTemplate(new RawComponent("VCALENDAR", List.of(), List.of()),
			null, new ZoneLookup(List.of()));

	private final RawComponent calendar;

	private final CalendarObject parsed;

	private final ZoneLookup zones;

	private final Map<String, RawComponent> overrides = new HashMap<>();

	private RenderTemplate(RawComponent calendar, CalendarObject parsed, ZoneLookup zones) {
		this.calendar = calendar;
		this.parsed = parsed;
		this.zones = zones;
		for (RawComponent event : calendar.children("VEVENT")) {
			event.line("RECURRENCE-ID").ifPresent((line) -> this.overrides.put(recurrenceId(line), event));
		}
	}

	/**
	 * @param icalendar the template text, or {@code null} for a new event
	 * @throws InvalidICalendarException when the template is not one valid calendar
	 * object: writing over what cannot be read could lose what it holds
	 */
	static RenderTemplate read(String icalendar) {
		if (icalendar == null) {
			return NONE;
		}
		Calendar calendar = Ical4jCalendarObjectParser.build(icalendar);
		List<VTimeZone> timeZones = calendar.getComponents()
			.stream()
			.filter(VTimeZone.class::isInstance)
			.map(VTimeZone.class::cast)
			.toList();
		CalendarObject parsed = new CalendarObjectReader(calendar).read(null, icalendar);
		return new RenderTemplate(RawComponent.parse(icalendar), parsed, new ZoneLookup(timeZones));
	}

	/** The same id {@link CalendarObjectReader} gives the override. */
	private String recurrenceId(String line) {
		DateValue value = DateValue.of("RECURRENCE-ID", RawComponent.valueOf(line),
				RawComponent.parameter(line, "TZID").orElse(null));
		return value.date() ? value.local().toLocalDate().toString() : value.toInstant(this.zones).toString();
	}

	boolean exists() {
		return this.parsed != null;
	}

	/** The template's fields, or {@code null} for a new event. */
	CalendarObject parsed() {
		return this.parsed;
	}

	ZoneLookup zones() {
		return this.zones;
	}

	RawComponent calendar() {
		return this.calendar;
	}

	Optional<RawComponent> master() {
		return this.calendar.children("VEVENT")
			.stream()
			.filter((event) -> event.line("RECURRENCE-ID").isEmpty())
			.findFirst();
	}

	Optional<RawComponent> override(String recurrenceId) {
		return Optional.ofNullable(this.overrides.get(recurrenceId));
	}

	Optional<EventOverride> parsedOverride(String recurrenceId) {
		if (this.parsed == null) {
			return Optional.empty();
		}
		return this.parsed.overrides().stream().filter((o) -> o.recurrenceId().equals(recurrenceId)).findFirst();
	}

	Optional<RawComponent> timeZone(String tzid) {
		return this.calendar.children("VTIMEZONE")
			.stream()
			.filter((zone) -> zone.line("TZID").map(RawComponent::valueOf).filter(tzid::equals).isPresent())
			.findFirst();
	}

}
