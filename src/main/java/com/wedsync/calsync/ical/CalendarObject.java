package com.wedsync.calsync.ical;

import java.time.Instant;
import java.util.List;

/**
 * One calendar object resource (RFC 4791 section 4.1): the master VEVENT, its
 * RECURRENCE-ID overrides and the VTIMEZONEs they use, all with one UID.
 *
 * @param recurrenceRule the RRULE value of the master, or {@code null}; as ical4j writes
 * it, so rule parts come in ical4j's order (FREQ, COUNT/UNTIL, INTERVAL, BY...), not the
 * sender's
 * @param lastModified LAST-MODIFIED of the master, or {@code null}
 * @param contentHash hex SHA-256 of the normalised content: ignores DTSTAMP, PRODID,
 * LAST-MODIFIED, CREATED, property order and line folding, so a server that only touched
 * those is not a change
 * @param icalendar the text as received, kept so nothing the platform does not model is
 * lost (alarms, attendees, X- properties)
 */
public record CalendarObject(String uid, EventKind kind, String summary, String location, String description,
		EventTiming timing, String recurrenceRule, List<EventOverride> overrides, Instant lastModified,
		String contentHash, String icalendar) {

	/** The fields the sync merges. */
	public EventFields fields() {
		return new EventFields(this.kind, this.summary, this.location, this.description, this.timing,
				this.recurrenceRule, this.overrides);
	}

}
