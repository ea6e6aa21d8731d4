package com.wedsync.calsync.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.wedsync.calsync.integration.credentials.SealedCredential;

/**
 * A platform URL that receives one tenant's notifications, signed with its sealed secret.
 *
 * @param eventTypes the types it receives; empty for every type
 */
record WebhookEndpoint(UUID id, String tenantId, URI url, Set<String> eventTypes, SealedCredential secret,
		Instant createdAt) {

	boolean receives(String eventType) {
		return this.eventTypes.isEmpty() || this.eventTypes.contains(eventType);
	}

}
