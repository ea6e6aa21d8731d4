package com.wedsync.calsync.wedding;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /api/events/{id}}: absent fields keep their value. An empty
 * {@code location}, {@code description}, {@code recurrenceRule}, {@code status},
 * {@code url}, {@code transparency} or {@code classification} clears it (a series left
 * with neither rule nor added dates drops its overrides and exclusions);
 * {@code overrides}, {@code exclusions} and {@code additions} replace theirs whole (an
 * empty list clears). A start or end given alone keeps the other's local time; a new
 * {@code timeZone} alone keeps the local times.
 */
record UpdateEventRequest(String kind, @Size(max = 2000) String summary, @Size(max = 2000) String location,
		@Size(max = 100_000) String description, String start, String end, String timeZone, Boolean allDay,
		@Size(max = 2000) String recurrenceRule, List<@Valid OverrideRequest> overrides,
		@Size(max = 1000) List<String> exclusions, @Size(max = 1000) List<String> additions, String status,
		@Size(max = 2000) String url, String transparency, String classification, @Valid AnchorRequest anchor) {

	boolean changesTiming() {
		return this.start != null || this.end != null || this.timeZone != null || this.allDay != null;
	}

}
