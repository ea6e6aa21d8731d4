package com.wedsync.calsync.deadletter;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of the {@code dead_letter} table without its payload, which can be as large as
 * the parser's limit and is read one letter at a time.
 *
 * @param href the calendar object resource, for items parked while fetching
 * @param uid the event, for items parked while reconciling
 */
public record StoredDeadLetter(UUID id, UUID integrationId, UUID calendarId, String href, String uid, String step,
		String errorClass, String errorMessage, int attempts, DeadLetterStatus status, Instant firstFailedAt,
		Instant lastFailedAt) {

}
