package com.wedsync.calsync.wedding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.wedsync.calsync.ical.EventTiming;

/**
 * Published by every platform change of a wedding's event (create, patch, delete), inside
 * its transaction; listeners that act on it do so after the commit.
 *
 * @param timings when the event happens, before and after the change (one entry for a
 * create or delete): moving an event away from tomorrow matters as much as moving it to
 * tomorrow
 */
public record WeddingEventChanged(UUID weddingId, UUID eventId, List<EventTiming> timings) {

	/** Whether the event happened, or happens, between {@code from} and {@code until}. */
	public boolean happensBetween(Instant from, Instant until) {
		return this.timings.stream().anyMatch((t) -> t.start().isBefore(until) && t.end().isAfter(from));
	}

}
