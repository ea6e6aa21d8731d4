package com.wedsync.calsync.caldav;

import java.net.URI;

/**
 * Where an account's calendars live, as found by discovery (RFC 6764, RFC 5397, RFC 4791
 * section 6.2.1). The home may be on another host than the server URL the user gave:
 * iCloud answers on {@code caldav.icloud.com} and names a {@code pNN-caldav.icloud.com}
 * home.
 */
public record CalendarHome(URI principal, URI calendarHome) {
}
