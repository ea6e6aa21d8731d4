package com.wedsync.calsync.wedding;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.ical.EventKind;
import com.wedsync.calsync.ical.EventOverride;
import com.wedsync.calsync.ical.EventTiming;
import com.wedsync.calsync.web.InvalidRequestException;

/**
 * Turns event requests into the {@link EventFields} to store, or a problem naming the
 * field that is wrong. No database: what needs one (anchors) is the service's.
 */
final class EventRequestReader {

	private EventRequestReader() {
	}

	static EventFields fieldsToCreate(CreateEventRequest request, Wedding wedding) {
		boolean allDay = Boolean.TRUE.equals(request.allDay());
		ZoneId zone = EventTimeInput.zone("timeZone",
				(request.timeZone() != null) ? request.timeZone() : wedding.timeZone());
		EventTiming timing = EventTimeInput.timing(request.start(), request.end(), zone, allDay);
		String rule = (request.recurrenceRule() != null && !request.recurrenceRule().isBlank())
				? RecurrenceRules.normalize("recurrenceRule", request.recurrenceRule()) : null;
		List<String> additions = occurrences("additions", request.additions(), zone, allDay);
		boolean recurs = rule != null || !additions.isEmpty();
		String location = blankToNull(request.location());
		String description = blankToNull(request.description());
		return new EventFields(kind(request.kind()), request.summary().strip(), location, description, timing, rule,
				overrides(request.overrides(), recurs, zone, allDay,
						new Series(request.summary().strip(), location, description)),
				exclusionsOf(request.exclusions(), recurs, zone, allDay), additions,
				EventPropertyInput.status("status", request.status()), EventPropertyInput.url("url", request.url()),
				EventPropertyInput.transparency("transparency", request.transparency()),
				EventPropertyInput.classification("classification", request.classification()));
	}

	/**
	 * @param current the stored fields, with the overrides parsed from the stored body
	 * @param fallbackZone the zone for local times when the stored event has none the JDK
	 * knows (all-day, floating or imported with a custom TZID)
	 */
	static EventFields fieldsToUpdate(UpdateEventRequest request, EventFields current, ZoneId fallbackZone) {
		EventKind kind = (request.kind() != null) ? kind(request.kind()) : current.kind();
		String summary = current.summary();
		if (request.summary() != null) {
			if (request.summary().isBlank()) {
				throw new InvalidRequestException("summary", "summary must not be blank");
			}
			summary = request.summary().strip();
		}
		String location = (request.location() != null) ? blankToNull(request.location()) : current.location();
		String description = (request.description() != null) ? blankToNull(request.description())
				: current.description();
		EventTiming currentTiming = current.timing();
		ZoneId currentZone = knownZone(currentTiming.timeZone(), fallbackZone);
		ZoneId zone = (request.timeZone() != null) ? EventTimeInput.zone("timeZone", request.timeZone()) : currentZone;
		boolean allDay = (request.allDay() != null) ? request.allDay() : currentTiming.allDay();
		EventTiming timing = request.changesTiming() ? timing(request, currentTiming, currentZone, zone, allDay)
				: currentTiming;
		String rule = current.recurrenceRule();
		List<EventOverride> overrides = current.overrides();
		List<String> exclusions = current.exclusions();
		if (request.recurrenceRule() != null) {
			rule = request.recurrenceRule().isBlank() ? null
					: RecurrenceRules.normalize("recurrenceRule", request.recurrenceRule());
			if (!Objects.equals(rule, current.recurrenceRule())) {
				// the occurrences they name belong to the old rule
				overrides = List.of();
				exclusions = List.of();
			}
		}
		List<String> additions = (request.additions() != null)
				? occurrences("additions", request.additions(), zone, allDay) : current.additions();
		boolean recurs = rule != null || !additions.isEmpty();
		if (request.overrides() != null) {
			overrides = overrides(request.overrides(), recurs, zone, allDay,
					new Series(summary, location, description));
		}
		if (request.exclusions() != null) {
			exclusions = exclusionsOf(request.exclusions(), recurs, zone, allDay);
		}
		if (!recurs) {
			overrides = List.of();
			exclusions = List.of();
		}
		return new EventFields(kind, summary, location, description, timing, rule, overrides, exclusions, additions,
				(request.status() != null) ? EventPropertyInput.status("status", request.status()) : current.status(),
				(request.url() != null) ? EventPropertyInput.url("url", request.url()) : current.url(),
				(request.transparency() != null)
						? EventPropertyInput.transparency("transparency", request.transparency())
						: current.transparency(),
				(request.classification() != null)
						? EventPropertyInput.classification("classification", request.classification())
						: current.classification());
	}

	private static EventTiming timing(UpdateEventRequest request, EventTiming current, ZoneId currentZone, ZoneId zone,
			boolean allDay) {
		if (allDay != current.allDay() && (request.start() == null || request.end() == null)) {
			throw new InvalidRequestException((request.start() == null) ? "start" : "end",
					"start and end are both required when allDay changes");
		}
		String start = (request.start() != null) ? request.start()
				: EventTimeInput.localText(current.start(), currentZone, allDay);
		String end = (request.end() != null) ? request.end()
				: EventTimeInput.localText(current.end(), currentZone, allDay);
		return EventTimeInput.timing(start, end, zone, allDay);
	}

	private static List<EventOverride> overrides(List<OverrideRequest> requested, boolean recurs, ZoneId zone,
			boolean allDay, Series series) {
		if (requested == null || requested.isEmpty()) {
			return List.of();
		}
		if (!recurs) {
			throw new InvalidRequestException("overrides", "overrides need a recurrenceRule or additions");
		}
		return requested.stream()
			.map((override) -> override(override, zone, allDay, series))
			.sorted(Comparator.comparing(EventOverride::recurrenceId))
			.toList();
	}

	private static List<String> exclusionsOf(List<String> requested, boolean recurs, ZoneId zone, boolean allDay) {
		if (requested == null || requested.isEmpty()) {
			return List.of();
		}
		if (!recurs) {
			throw new InvalidRequestException("exclusions", "exclusions need a recurrenceRule or additions");
		}
		return occurrences("exclusions", requested, zone, allDay);
	}

	private static List<String> occurrences(String field, List<String> requested, ZoneId zone, boolean allDay) {
		return (requested != null) ? EventPropertyInput.occurrences(field, requested, zone, allDay) : List.of();
	}

	private static EventOverride override(OverrideRequest request, ZoneId zone, boolean allDay, Series series) {
		if (request == null) {
			throw new InvalidRequestException("overrides", "an override must not be null");
		}
		String recurrenceId = EventTimeInput.recurrenceId("overrides.recurrenceId", request.recurrenceId(), zone,
				allDay);
		EventTiming timing;
		try {
			timing = EventTimeInput.timing(request.start(), request.end(), zone, allDay);
		}
		catch (InvalidRequestException ex) {
			throw new InvalidRequestException("overrides." + ex.getField(), ex.getMessage());
		}
		String status = Boolean.TRUE.equals(request.cancelled()) ? "CANCELLED"
				: EventPropertyInput.status("overrides.status", request.status());
		String summary = (request.summary() != null) ? blankToNull(request.summary()) : series.summary();
		String location = (request.location() != null) ? blankToNull(request.location()) : series.location();
		String description = (request.description() != null) ? blankToNull(request.description())
				: series.description();
		return new EventOverride(recurrenceId, timing, summary, location, description, status);
	}

	/**
	 * What an override leaves out it takes from its series: an override replaces the
	 * whole occurrence (RFC 5545 §3.8.4.4), so it is written out in full.
	 */
	private record Series(String summary, String location, String description) {
	}

	static EventKind kind(String text) {
		if (text == null) {
			throw new InvalidRequestException("kind", "kind must be CEREMONY, MEETING, DEADLINE or OTHER, not null");
		}
		try {
			return EventKind.valueOf(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("kind",
					"kind must be CEREMONY, MEETING, DEADLINE or OTHER, not '" + text + "'");
		}
	}

	private static ZoneId knownZone(String timeZone, ZoneId fallback) {
		if (timeZone == null) {
			return (fallback != null) ? fallback : ZoneOffset.UTC;
		}
		try {
			return ZoneId.of(timeZone);
		}
		catch (DateTimeException ex) {
			return (fallback != null) ? fallback : ZoneOffset.UTC;
		}
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
