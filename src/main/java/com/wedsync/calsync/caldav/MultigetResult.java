package com.wedsync.calsync.caldav;

import java.net.URI;
import java.util.List;

/**
 * The answer to one calendar-multiget REPORT (RFC 4791 section 7.9).
 *
 * @param found resources returned with calendar data
 * @param notFound hrefs the server answered with 404 (deleted since they were listed)
 * @param unanswered hrefs asked for that the server neither returned nor refused; the
 * caller must not treat them as deleted
 */
public record MultigetResult(List<CalendarResource> found, List<URI> notFound, List<URI> unanswered) {
}
