package com.wedsync.calsync.wedding;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /api/events/{id}}: absent fields keep their value. An empty
 * {@code location}, {@code description} or {@code recurrenceRule} clears it (clearing the
 * rule drops its overrides); {@code overrides} replaces them all. A start or end given
 * alone keeps the other's local time; a new {@code timeZone} alone keeps the local times.
 */
record UpdateEventRequest(String kind, @Size(max = 2000) String summary, @Size(max = 2000) String location,
		@Size(max = 100_000) String description, String start, String end, String timeZone, Boolean allDay,
		@Size(max = 2000) String recurrenceRule, List<@Valid OverrideRequest> overrides, @Valid AnchorRequest anchor) {

	boolean changesTiming() {
		return this.start != null || this.end != null || this.timeZone != null || this.allDay != null;
	}

}
