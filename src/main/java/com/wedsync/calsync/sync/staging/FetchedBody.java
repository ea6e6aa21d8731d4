package com.wedsync.calsync.sync.staging;

import java.net.URI;

/**
 * A staged resource's body as a multiget returned it, with the UID and kind read from it.
 *
 * @param href the resource
 * @param etag its ETag
 * @param icalendar the body
 * @param uid the UID it carries
 * @param kind the event kind it carries
 */
public record FetchedBody(URI href, String etag, String icalendar, String uid, String kind) {

}
