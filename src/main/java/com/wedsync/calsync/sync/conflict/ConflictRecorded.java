package com.wedsync.calsync.sync.conflict;

import java.util.UUID;

/**
 * Published, inside the sync's transaction, for every decision that discarded a value (a
 * row of {@code sync_conflict}).
 *
 * @param field the event field, or {@code null} for the whole event
 */
public record ConflictRecorded(UUID conflictId, String tenantId, UUID integrationId, UUID eventId, UUID calendarId,
		String field, String rule) {
}
