package com.wedsync.calsync.sync.plan;

import java.util.Set;

import com.wedsync.calsync.ical.EventField;
import org.jspecify.annotations.Nullable;

/**
 * The configured policy of one kind, as bound from
 * {@code calsync.sync.policy.<KIND>.platform-authoritative} and
 * {@code .calendar-deletes}. A property left out keeps the kind's default.
 *
 * @param platformAuthoritative the fields the platform owns, or {@code null} for the
 * default
 * @param calendarDeletes what a calendar-side deletion does, or {@code null} for the
 * default
 */
public record KindPolicyProperties(@Nullable Set<EventField> platformAuthoritative,
		@Nullable CalendarDeletes calendarDeletes) {

	/** This policy, with what is not configured taken from {@code defaults}. */
	public KindPolicy toPolicy(KindPolicy defaults) {
		return new KindPolicy(
				(this.platformAuthoritative != null) ? this.platformAuthoritative : defaults.platformAuthoritative(),
				(this.calendarDeletes != null) ? this.calendarDeletes : defaults.calendarDeletes());
	}

}
