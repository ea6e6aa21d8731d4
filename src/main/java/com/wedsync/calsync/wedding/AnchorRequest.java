package com.wedsync.calsync.wedding;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The event whose start this one follows: start = its start + offset (negative for
 * "before").
 */
record AnchorRequest(@NotNull UUID eventId,
		@NotNull @Min(-MAX_OFFSET_MINUTES) @Max(MAX_OFFSET_MINUTES) Long offsetMinutes) {

	/** Ten years either way: further is not the same wedding. */
	static final long MAX_OFFSET_MINUTES = 10L * 366 * 24 * 60;

}
