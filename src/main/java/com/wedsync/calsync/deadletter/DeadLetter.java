package com.wedsync.calsync.deadletter;

import java.util.UUID;

/**
 * An item that could not be synced because of what it is, not because of the weather.
 *
 * @param step the job step that parked it
 * @param payload the item as received (e.g. the iCalendar text)
 */
public record DeadLetter(UUID integrationId, UUID calendarId, String href, String uid, String step, String payload,
		String errorClass, String errorMessage) {
}
