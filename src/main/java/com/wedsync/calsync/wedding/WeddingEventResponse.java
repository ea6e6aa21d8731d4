package com.wedsync.calsync.wedding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.ical.EventKind;
import com.wedsync.calsync.ical.EventOverride;

/**
 * A wedding event as the API shows it.
 *
 * @param start the start instant; for all-day events the date at 00:00 UTC
 * @param timeZone the zone the times were given in ({@code null} for all-day)
 * @param recurrence the rule and its overrides, or {@code null}
 * @param anchor the event this one's start follows, or {@code null}
 */
record WeddingEventResponse(UUID id, String uid, UUID weddingId, EventKind kind, String summary, String location,
		String description, Instant start, Instant end, String timeZone, boolean allDay, Recurrence recurrence,
		Anchor anchor, long version, Instant updatedAt, boolean deleted) {

	static WeddingEventResponse of(WeddingEvent event, EventFields fields) {
		Recurrence recurrence = (fields.recurrenceRule() != null)
				? new Recurrence(fields.recurrenceRule(), fields.overrides()) : null;
		Anchor anchor = (event.anchor() != null)
				? new Anchor(event.anchor().eventId(), event.anchor().offset().toMinutes()) : null;
		return new WeddingEventResponse(event.id(), event.uid(), event.weddingId(), event.kind(), event.summary(),
				event.location(), event.description(), event.timing().start(), event.timing().end(),
				event.timing().timeZone(), event.timing().allDay(), recurrence, anchor, event.version(),
				event.updatedAt(), event.deleted());
	}

	record Recurrence(String rule, List<EventOverride> overrides) {
	}

	record Anchor(UUID eventId, long offsetMinutes) {
	}

}
