package com.wedsync.calsync.wedding;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/weddings/{id}/events}. Kind, zone and rule are text so that a wrong
 * value gets a problem naming the field, not a parse error of the whole body.
 *
 * @param start ISO-8601 local date-time in {@code timeZone}, or a date when all-day
 * @param end like start; exclusive for all-day events
 * @param timeZone defaults to the wedding's
 * @param anchor when given, the start is placed at the anchor's start + offset and
 * {@code start}/{@code end} only give the duration
 * @param exclusions occurrences deleted from the series (EXDATE): starts as local
 * date-times, or dates when all-day
 * @param additions occurrences added to the series (RDATE), spelt the same way
 * @param status TENTATIVE, CONFIRMED or CANCELLED
 * @param url a link, such as a video call's ({@code https}, {@code http} or
 * {@code mailto})
 * @param transparency OPAQUE (the default: busy) or TRANSPARENT
 * @param classification PUBLIC (the default), PRIVATE or CONFIDENTIAL
 */
record CreateEventRequest(@NotBlank String kind, @NotBlank @Size(max = 2000) String summary,
		@Size(max = 2000) String location, @Size(max = 100_000) String description, @NotBlank String start,
		@NotBlank String end, String timeZone, Boolean allDay, @Size(max = 2000) String recurrenceRule,
		List<@Valid OverrideRequest> overrides, @Size(max = 1000) List<String> exclusions,
		@Size(max = 1000) List<String> additions, String status, @Size(max = 2000) String url, String transparency,
		String classification, @Valid AnchorRequest anchor) {
}
