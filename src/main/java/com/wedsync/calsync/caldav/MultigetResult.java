package com.wedsync.calsync.caldav;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The answer to one calendar-multiget REPORT (RFC 4791 section 7.9).
 *
 * @param found resources returned with calendar data
 * @param notFound hrefs the server answered with 404 (deleted since they were listed)
 * @param unanswered hrefs asked for that the server neither returned nor refused; the
 * caller must not treat them as deleted
 * @param unreadable hrefs whose answer, asked for on their own, could not be read (a body
 * holding a character XML cannot carry, say), with the reason; the others of their batch
 * were read
 */
public record MultigetResult(List<CalendarResource> found, List<URI> notFound, List<URI> unanswered,
		Map<URI, String> unreadable) {

	public MultigetResult(List<CalendarResource> found, List<URI> notFound, List<URI> unanswered) {
		this(found, notFound, unanswered, Map.of());
	}

}
