package com.wedsync.calsync.wedding;

import java.util.List;

import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.ical.EventOverride;
import com.wedsync.calsync.ical.EventTiming;

/**
 * A series as the API shows it. Occurrences are named as stored: an ISO instant, or an
 * ISO date for all-day events.
 *
 * @param rule the RRULE, or {@code null} for a series of added dates only
 * @param additions occurrences added to the rule (RDATE)
 * @param exclusions occurrences deleted from the series (EXDATE)
 * @param overrides occurrences that differ from the series
 */
record RecurrenceResponse(String rule, List<String> additions, List<String> exclusions,
		List<OverrideResponse> overrides) {

	/** The event's series, or {@code null} when it does not recur. */
	static RecurrenceResponse of(EventFields fields) {
		if (fields.recurrenceRule() == null && fields.additions().isEmpty()) {
			return null;
		}
		return new RecurrenceResponse(fields.recurrenceRule(), fields.additions(), fields.exclusions(),
				fields.overrides().stream().map(OverrideResponse::of).toList());
	}

	/** One overridden occurrence; {@code cancelled} repeats {@code status: CANCELLED}. */
	record OverrideResponse(String recurrenceId, EventTiming timing, String summary, String location,
			String description, String status, boolean cancelled) {

		static OverrideResponse of(EventOverride override) {
			return new OverrideResponse(override.recurrenceId(), override.timing(), override.summary(),
					override.location(), override.description(), override.status(), override.cancelled());
		}

	}

}
