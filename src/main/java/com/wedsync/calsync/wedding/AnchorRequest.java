package com.wedsync.calsync.wedding;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * The event whose start this one follows: start = its start + offset (negative for
 * "before").
 */
record AnchorRequest(@NotNull UUID eventId, @NotNull Long offsetMinutes) {
}
