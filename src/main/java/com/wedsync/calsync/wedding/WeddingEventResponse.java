package com.wedsync.calsync.wedding;

import java.time.Instant;
import java.util.UUID;

import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.ical.EventKind;

/**
 * A wedding event as the API shows it.
 *
 * @param start the start instant; for all-day events the date at 00:00 UTC
 * @param timeZone the zone the times were given in ({@code null} for all-day)
 * @param recurrence the series (rule, added and excluded dates, overrides), or
 * {@code null}
 * @param status STATUS, or {@code null}
 * @param transparency OPAQUE (busy) or TRANSPARENT
 * @param classification PUBLIC, PRIVATE or CONFIDENTIAL
 * @param anchor the event this one's start follows, or {@code null}
 */
record WeddingEventResponse(UUID id, String uid, UUID weddingId, EventKind kind, String summary, String location,
		String description, Instant start, Instant end, String timeZone, boolean allDay, RecurrenceResponse recurrence,
		String status, String url, String transparency, String classification, Anchor anchor, long version,
		Instant updatedAt, boolean deleted) {

	static WeddingEventResponse of(WeddingEvent event, EventFields fields) {
		Anchor anchor = (event.anchor() != null)
				? new Anchor(event.anchor().eventId(), event.anchor().offset().toMinutes()) : null;
		return new WeddingEventResponse(event.id(), event.uid(), event.weddingId(), event.kind(), event.summary(),
				event.location(), event.description(), event.timing().start(), event.timing().end(),
				event.timing().timeZone(), event.timing().allDay(), RecurrenceResponse.of(fields), fields.status(),
				fields.url(), transparencyOf(fields), classificationOf(fields), anchor, event.version(),
				event.updatedAt(), event.deleted());
	}

	/** RFC 5545's defaults, spelt out. */
	static String transparencyOf(EventFields fields) {
		return (fields.transparency() != null) ? fields.transparency() : "OPAQUE";
	}

	static String classificationOf(EventFields fields) {
		return (fields.classification() != null) ? fields.classification() : "PUBLIC";
	}

	record Anchor(UUID eventId, long offsetMinutes) {
	}

}
