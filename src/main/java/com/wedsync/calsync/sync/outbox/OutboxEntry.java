package com.wedsync.calsync.sync.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A platform change waiting to be written to one calendar.
 *
 * @param createdAt when the first change not yet synced happened
 */
public record OutboxEntry(UUID eventId, UUID calendarId, Instant createdAt) {
}
