package com.wedsync.calsync.caldav;

import java.net.URI;

/** A calendar object resource as a listing names it: where it is and its current ETag. */
public record RemoteResource(URI href, String etag) {
}
