package com.wedsync.calsync.integration;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * A connected CalDAV account. The credential is not part of this record: it is read,
 * decrypted, only where a connection is opened
 * ({@link IntegrationRepository#credentials}).
 */
public record Integration(UUID id, String tenantId, Provider provider, URI serverUrl, String username, URI principalUrl,
		URI calendarHomeUrl, IntegrationStatus status, String statusDetail, int pollIntervalSeconds, Instant createdAt,
		Instant updatedAt, Instant lastSyncedAt) {
}
