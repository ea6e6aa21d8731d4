package com.wedsync.calsync.sync.plan;

import java.util.Set;

import com.wedsync.calsync.ical.EventField;

/**
 * How conflicts are decided for one {@link com.wedsync.calsync.ical.EventKind}.
 *
 * @param platformAuthoritative the fields the platform owns: a calendar-side edit of one
 * of them is reverted on the calendar and recorded as a conflict
 * @param calendarDeletes what a deletion on a calendar does
 */
public record KindPolicy(Set<EventField> platformAuthoritative, CalendarDeletes calendarDeletes) {

	/** Calendars may edit every field and delete the event. */
	public static final KindPolicy CALENDAR_EDITS_ACCEPTED = new KindPolicy(Set.of(), CalendarDeletes.ACCEPT);

	public KindPolicy {
		if (platformAuthoritative == null) {
			throw new IllegalArgumentException("platformAuthoritative must not be null");
		}
		if (calendarDeletes == null) {
			throw new IllegalArgumentException("calendarDeletes must not be null");
		}
		platformAuthoritative = Set.copyOf(platformAuthoritative);
	}

	public boolean isPlatformAuthoritative(EventField field) {
		return this.platformAuthoritative.contains(field);
	}

}
