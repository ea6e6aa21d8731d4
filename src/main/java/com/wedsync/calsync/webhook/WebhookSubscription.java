package com.wedsync.calsync.webhook;

import java.time.Instant;
import java.util.UUID;

import com.wedsync.calsync.integration.credentials.SealedCredential;

/**
 * A sender (CalDAV server or relay) allowed to notify changes of one integration's
 * calendars, with the sealed secret it signs with.
 */
record WebhookSubscription(UUID id, UUID integrationId, String description, SealedCredential secret,
		Instant createdAt) {
}
