package com.wedsync.calsync.sync.status;

import java.net.URI;
import java.util.UUID;

/**
 * The sync status of one event in one calendar: where it lives there, the ETag and
 * content hash last seen or written, and the body both sides agreed on (the base of the
 * next three-way merge).
 */
public record EventLink(UUID id, UUID eventId, UUID calendarId, URI href, String etag, String contentHash,
		String baseIcs, long syncedVersion) {
}
