package com.wedsync.calsync.wedding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A wedding of a tenant; its events are given in {@code timeZone} unless they name their
 * own.
 */
public record Wedding(UUID id, String tenantId, String title, LocalDate weddingDate, String timeZone, Instant createdAt,
		Instant updatedAt) {
}
