package com.wedsync.calsync.ical;

import java.time.Instant;

/**
 * When an event (or one overridden occurrence) happens, as instants.
 *
 * @param start the start instant; for an all-day event the start date at 00:00 UTC
 * @param end the end instant, always present (computed from DURATION or the RFC 5545
 * defaults when DTEND is missing); for an all-day event the exclusive end date at 00:00
 * UTC
 * @param timeZone the TZID the times were given in, {@code UTC} for UTC times, or
 * {@code null} for all-day and floating times
 * @param allDay whether DTSTART is a DATE
 * @param floating whether the times have no zone (RFC 5545 section 3.3.12 form #1); the
 * instants are then read as if in UTC
 */
public record EventTiming(Instant start, Instant end, String timeZone, boolean allDay, boolean floating) {
}
