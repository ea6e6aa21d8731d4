package com.wedsync.calsync.wedding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.wedsync.calsync.ical.CalendarObjectParser;
import com.wedsync.calsync.ical.EventKind;
import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.integration.CalendarRepository;
import com.wedsync.calsync.web.ResourceNotFoundException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/calendars/{id}/events}: what the service holds for a calendar. */
@RestController
class CalendarEventsController {

	private final CalendarRepository calendars;

	private final WeddingEventRepository events;

	private final CalendarObjectParser parser;

	CalendarEventsController(CalendarRepository calendars, WeddingEventRepository events, CalendarObjectParser parser) {
		this.calendars = calendars;
		this.events = events;
		this.parser = parser;
	}

	@GetMapping("/api/calendars/{id}/events")
	List<EventResponse> events(@PathVariable UUID id) {
		this.calendars.findVisible(id).orElseThrow(() -> new ResourceNotFoundException("calendar", id));
		return this.events.findLinkedTo(id).stream().map(this::response).toList();
	}

	private EventResponse response(WeddingEvent event) {
		// Overrides, exclusions and the like live in the canonical body only: one source
		// of truth.
		EventFields fields = event.fields(this.parser.parse(event.icalendar()).fields());
		return new EventResponse(event.id(), event.uid(), event.weddingId(), event.kind(), event.summary(),
				event.location(), event.description(), event.timing().start(), event.timing().end(),
				event.timing().timeZone(), event.timing().allDay(), event.timing().floating(),
				RecurrenceResponse.of(fields), fields.status(), fields.url(),
				WeddingEventResponse.transparencyOf(fields), WeddingEventResponse.classificationOf(fields),
				event.version(), event.updatedAt());
	}

	/**
	 * @param start the start instant; for all-day events the date at 00:00 UTC
	 * @param timeZone the zone the times were given in ({@code null} for all-day and
	 * floating)
	 */
	record EventResponse(UUID id, String uid, UUID weddingId, EventKind kind, String summary, String location,
			String description, Instant start, Instant end, String timeZone, boolean allDay, boolean floating,
			RecurrenceResponse recurrence, String status, String url, String transparency, String classification,
			long version, Instant updatedAt) {
	}

}
