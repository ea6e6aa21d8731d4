package com.wedsync.calsync.wedding;

import com.wedsync.calsync.ical.CalendarObjectParser;
import com.wedsync.calsync.ical.CalendarObjectRenderer;
import com.wedsync.calsync.ical.ContentHash;
import com.wedsync.calsync.ical.EventFields;

import org.springframework.stereotype.Component;

/**
 * The canonical body of a platform event and its hash. A changed event is rendered over
 * its current body, so what calendars added (alarms, attendees, X- properties) survives.
 */
@Component
public class EventRenderer {

	private final CalendarObjectRenderer renderer;

	private final CalendarObjectParser parser;

	EventRenderer(CalendarObjectRenderer renderer, CalendarObjectParser parser) {
		this.renderer = renderer;
		this.parser = parser;
	}

	Rendered renderNew(String uid, EventFields fields) {
		return rendered(this.renderer.render(uid, fields, null));
	}

	/** Renders new fields over the event's current body, keeping what calendars added. */
	public Rendered renderOver(WeddingEvent current, EventFields fields) {
		return rendered(this.renderer.render(current.uid(), fields, current.icalendar()));
	}

	/**
	 * The stored fields; overrides, exclusions and the like live only in the body, so it
	 * is parsed (once: the parser remembers recent bodies).
	 */
	public EventFields currentFields(WeddingEvent event) {
		return event.fields(this.parser.parse(event.icalendar()).fields());
	}

	private static Rendered rendered(String ics) {
		return new Rendered(ics, ContentHash.of(ics));
	}

	/** A canonical body and its content hash. */
	public record Rendered(String ics, String contentHash) {
	}

}
