package com.wedsync.calsync.ical;

/**
 * One occurrence of a recurring event that differs from its rule (a VEVENT with
 * RECURRENCE-ID in the same calendar object resource). An override replaces the
 * occurrence entirely (RFC 5545 §3.8.4.4): what it leaves out, it does not have.
 *
 * @param recurrenceId the original start of the occurrence, as an ISO-8601 instant, or an
 * ISO date for all-day events
 * @param location the occurrence's LOCATION, or {@code null}
 * @param description the occurrence's DESCRIPTION, or {@code null}
 * @param status the occurrence's STATUS (CANCELLED for an occurrence called off), or
 * {@code null}
 */
public record EventOverride(String recurrenceId, EventTiming timing, String summary, String location,
		String description, String status) {

	/** Whether the occurrence is called off (STATUS:CANCELLED). */
	public boolean cancelled() {
		return "CANCELLED".equals(this.status);
	}

}
