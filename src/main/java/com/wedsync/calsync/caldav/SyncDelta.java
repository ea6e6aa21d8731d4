package com.wedsync.calsync.caldav;

import java.net.URI;
import java.util.List;

/**
 * What changed in a calendar since a sync token (RFC 6578). Truncated answers (507) are
 * already followed by the client, so a delta is always complete.
 *
 * @param changed created or modified members with their new ETag
 * @param deleted members reported with status 404
 * @param syncToken the token to store once every change is applied
 */
public record SyncDelta(List<RemoteResource> changed, List<URI> deleted, String syncToken) {
}
