package com.wedsync.calsync.wedding;

import java.time.Instant;
import java.util.UUID;

import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.ical.EventKind;
import com.wedsync.calsync.ical.EventTiming;

/**
 * A wedding event as the platform holds it: the fields it models, plus the canonical
 * iCalendar body (master and overrides) that carries everything else.
 *
 * @param weddingId the wedding, or {@code null} for an event imported from a calendar
 * that belongs to no wedding yet
 * @param originCalendarId the calendar an imported event came from
 * @param version incremented by every change of the content
 * @param anchor the event whose start this one follows, or {@code null}
 */
public record WeddingEvent(UUID id, String tenantId, UUID weddingId, UUID originCalendarId, String uid, EventKind kind,
		String summary, String location, String description, EventTiming timing, String recurrenceRule,
		String icalendar, String contentHash, long version, Instant updatedAt, boolean deleted, EventAnchor anchor) {

	/** An event that follows no other. */
	public WeddingEvent(UUID id, String tenantId, UUID weddingId, UUID originCalendarId, String uid, EventKind kind,
			String summary, String location, String description, EventTiming timing, String recurrenceRule,
			String icalendar, String contentHash, long version, Instant updatedAt, boolean deleted) {
		this(id, tenantId, weddingId, originCalendarId, uid, kind, summary, location, description, timing,
				recurrenceRule, icalendar, contentHash, version, updatedAt, deleted, null);
	}

	/**
	 * The merged fields: the columns, and what only the canonical body holds (overrides,
	 * exclusions, added dates, status, URL, TRANSP, CLASS) from {@code body}, the fields
	 * the caller parsed from {@link #icalendar()}.
	 */
	public EventFields fields(EventFields body) {
		return body.toBuilder()
			.kind(this.kind)
			.summary(this.summary)
			.location(this.location)
			.description(this.description)
			.timing(this.timing)
			.recurrenceRule(this.recurrenceRule)
			.build();
	}

}
