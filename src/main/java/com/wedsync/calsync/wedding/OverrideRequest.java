package com.wedsync.calsync.wedding;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * One occurrence of a recurring event that differs from its rule; times as for the event
 * (local, in the event's zone, or dates when all-day). An override stands for the whole
 * occurrence: a location or description left out is the series' own, an empty one is
 * none.
 *
 * @param recurrenceId the original start of the occurrence
 * @param status TENTATIVE, CONFIRMED or CANCELLED
 * @param cancelled shorthand for {@code status: CANCELLED}
 */
record OverrideRequest(@NotBlank String recurrenceId, @NotBlank String start, @NotBlank String end,
		@Size(max = 2000) String summary, @Size(max = 2000) String location, @Size(max = 100_000) String description,
		String status, Boolean cancelled) {
}
