package com.wedsync.calsync.sync.reconcile;

import java.util.UUID;

/**
 * Published, inside the sync's transaction, when a sync changed a wedding's event on the
 * platform because of a calendar-side edit, so features that tell the platform (outbound
 * webhooks) record it atomically with the change.
 */
public record PlatformEventSynced(String tenantId, UUID integrationId, UUID calendarId, UUID weddingId, UUID eventId,
		String uid, Change change, long version) {

	/** What happened to the platform's event. */
	public enum Change {

		CREATED, UPDATED, DELETED

	}

}
