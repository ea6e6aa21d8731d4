package com.wedsync.calsync.wedding;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * One occurrence of a recurring event that differs from its rule; times as for the event
 * (local, in the event's zone, or dates when all-day).
 *
 * @param recurrenceId the original start of the occurrence
 */
record OverrideRequest(@NotBlank String recurrenceId, @NotBlank String start, @NotBlank String end,
		@Size(max = 2000) String summary, Boolean cancelled) {
}
