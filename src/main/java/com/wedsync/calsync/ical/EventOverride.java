package com.wedsync.calsync.ical;

/**
 * One occurrence of a recurring event that differs from its rule (a VEVENT with
 * RECURRENCE-ID in the same calendar object resource).
 *
 * @param recurrenceId the original start of the occurrence, as an ISO-8601 instant, or an
 * ISO date for all-day events
 * @param cancelled whether the override has STATUS:CANCELLED
 */
public record EventOverride(String recurrenceId, EventTiming timing, String summary, boolean cancelled) {
}
