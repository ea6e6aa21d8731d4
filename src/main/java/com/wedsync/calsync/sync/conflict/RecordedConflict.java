package com.wedsync.calsync.sync.conflict;

import java.time.Instant;
import java.util.UUID;

/**
 * A sync decision that discarded a value, as kept for the planner to review.
 *
 * @param field the event field, or {@code null} for a decision about a deletion
 * @param rule the rule that decided (e.g. PLATFORM_AUTHORITATIVE)
 */
public record RecordedConflict(UUID id, UUID integrationId, UUID eventId, UUID calendarId, String field, String rule,
		String keptValue, String discardedValue, Instant createdAt) {
}
