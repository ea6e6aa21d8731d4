package com.wedsync.calsync.wedding;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.ical.EventTiming;
import com.wedsync.calsync.web.InvalidRequestException;

import org.springframework.stereotype.Component;

/**
 * Checks requested anchors and places anchored events: start = anchor's start + offset,
 * the event's own duration kept. Anchored events are timed and do not recur, so moving
 * one by a duration is always meaningful.
 */
@Component
class EventAnchors {

	private static final int MAX_CHAIN = 100;

	private final WeddingEventRepository events;

	EventAnchors(WeddingEventRepository events) {
		this.events = events;
	}

	/**
	 * @param eventId the event being anchored, {@code null} when it is being created
	 * @return the anchor event, live and of the same wedding
	 */
	WeddingEvent resolve(AnchorRequest request, UUID weddingId, UUID eventId) {
		if (weddingId == null) {
			throw new InvalidRequestException("anchor", "only events of a wedding can be anchored");
		}
		WeddingEvent anchor = this.events.find(request.eventId())
			.filter((event) -> !event.deleted() && Objects.equals(event.weddingId(), weddingId))
			.orElseThrow(() -> new InvalidRequestException("anchor.eventId",
					"anchor.eventId " + request.eventId() + " is not a live event of the same wedding"));
		if (anchor.timing().allDay()) {
			throw new InvalidRequestException("anchor.eventId", "an event cannot be anchored to an all-day event");
		}
		if (eventId != null && followsOrIs(anchor, eventId)) {
			throw new InvalidRequestException("anchor.eventId", "anchoring to " + anchor.id() + " would make a cycle");
		}
		return anchor;
	}

	/** The fields with the start placed at the anchor's start + offset. */
	static EventFields place(EventFields fields, WeddingEvent anchor, Duration offset) {
		requirePlaceable(fields);
		EventTiming t = fields.timing();
		Duration length = Duration.between(t.start(), t.end());
		EventTiming placed = new EventTiming(anchor.timing().start().plus(offset),
				anchor.timing().start().plus(offset).plus(length), t.timeZone(), false, t.floating());
		EventTimeInput.requireSupportedYear("anchor.offsetMinutes", placed.start());
		EventTimeInput.requireSupportedYear("anchor.offsetMinutes", placed.end());
		return fields.toBuilder().timing(placed).build();
	}

	static void requirePlaceable(EventFields fields) {
		if (fields.timing().allDay()) {
			throw new InvalidRequestException("anchor", "an anchored event cannot be all-day");
		}
		if (fields.recurrenceRule() != null || !fields.additions().isEmpty()) {
			throw new InvalidRequestException("anchor", "an anchored event cannot recur");
		}
	}

	private boolean followsOrIs(WeddingEvent candidate, UUID eventId) {
		WeddingEvent current = candidate;
		for (int step = 0; step < MAX_CHAIN && current != null; step++) {
			if (current.id().equals(eventId)) {
				return true;
			}
			current = (current.anchor() != null) ? this.events.find(current.anchor().eventId()).orElse(null) : null;
		}
		return current != null;
	}

}
