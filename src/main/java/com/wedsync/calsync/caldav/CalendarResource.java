package com.wedsync.calsync.caldav;

import java.net.URI;

/** A fetched calendar object resource: its href, ETag and iCalendar text. */
public record CalendarResource(URI href, String etag, String icalendar) {
}
