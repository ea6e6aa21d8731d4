package com.wedsync.calsync.ical;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The service's {@link CalendarObjectParser}: {@link Ical4jCalendarObjectParser},
 * remembering the objects it parsed last by their text. A sync parses every fetched body
 * twice, when it is stored (for its UID and kind, and to park an unreadable one with its
 * href at once) and when it is reconciled, and parsing is most of an import's CPU; the
 * second parse of the same text is a lookup. Bounded by the characters held, so a large
 * import keeps only its latest bodies; a miss (another node, a restart) parses again.
 */
@Component
class CachingCalendarObjectParser implements CalendarObjectParser {

	/** About 5,000 typical events: a whole ordinary calendar between its two parses. */
	static final int DEFAULT_MAX_CHARS = 4 * 1024 * 1024;

	private final CalendarObjectParser parser;

	private final int maxChars;

	private final Map<String, CalendarObject> recent = new LinkedHashMap<>(256, 0.75f, true);

	private long chars;

	CachingCalendarObjectParser() {
		this(new Ical4jCalendarObjectParser(), DEFAULT_MAX_CHARS);
	}

	CachingCalendarObjectParser(CalendarObjectParser parser, int maxChars) {
		this.parser = parser;
		this.maxChars = maxChars;
	}

	@Override
	public CalendarObject parse(String icalendar) {
		CalendarObject known = recalled(icalendar);
		if (known != null) {
			return known;
		}
		CalendarObject parsed = this.parser.parse(icalendar);
		remember(icalendar, parsed);
		return parsed;
	}

	private CalendarObject recalled(String icalendar) {
		if (icalendar == null) {
			return null;
		}
		synchronized (this.recent) {
			return this.recent.get(icalendar);
		}
	}

	// Unreadable texts throw before they get here: only good objects are kept.
	private void remember(String icalendar, CalendarObject parsed) {
		if (icalendar.length() > this.maxChars) {
			return;
		}
		synchronized (this.recent) {
			if (this.recent.put(icalendar, parsed) == null) {
				this.chars += icalendar.length();
			}
			Iterator<String> eldest = this.recent.keySet().iterator();
			while (this.chars > this.maxChars) {
				this.chars -= eldest.next().length();
				eldest.remove();
			}
		}
	}

	/** Characters of text held now. */
	long heldChars() {
		synchronized (this.recent) {
			return this.chars;
		}
	}

}
