package com.wedsync.calsync.ical;

import java.time.Instant;
import java.util.List;

/**
 * One calendar object resource (RFC 4791 section 4.1): the master VEVENT, its
 * RECURRENCE-ID overrides and the VTIMEZONEs they use, all with one UID.
 *
 * @param fields what the sync merges; the RRULE value as ical4j writes it, so rule parts
 * come in ical4j's order (FREQ, COUNT/UNTIL, INTERVAL, BY...), not the sender's
 * @param lastModified LAST-MODIFIED of the master, or {@code null}
 * @param contentHash hex SHA-256 of the normalised content: ignores DTSTAMP, PRODID,
 * LAST-MODIFIED, CREATED, property order and line folding, so a server that only touched
 * those is not a change
 * @param icalendar the text as received, kept so nothing the platform does not model is
 * lost (alarms, attendees, X- properties)
 */
public record CalendarObject(String uid, EventFields fields, Instant lastModified, String contentHash,
		String icalendar) {

	public EventKind kind() {
		return this.fields.kind();
	}

	public String summary() {
		return this.fields.summary();
	}

	public String location() {
		return this.fields.location();
	}

	public String description() {
		return this.fields.description();
	}

	public EventTiming timing() {
		return this.fields.timing();
	}

	public String recurrenceRule() {
		return this.fields.recurrenceRule();
	}

	public List<EventOverride> overrides() {
		return this.fields.overrides();
	}

}
