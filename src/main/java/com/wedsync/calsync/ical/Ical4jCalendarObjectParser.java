package com.wedsync.calsync.ical;

import java.io.IOException;
import java.io.StringReader;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarParserFactory;
import net.fortuna.ical4j.data.ContentHandlerContext;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;

import org.springframework.stereotype.Component;

/**
 * {@link CalendarObjectParser} over ical4j 4. Parsing is relaxed (see
 * {@code ical4j.properties}) because iCloud, Outlook and Notes all bend RFC 5545, and
 * offline: time zones come from the object's VTIMEZONEs or the JDK, never the network.
 */
@Component
class Ical4jCalendarObjectParser implements CalendarObjectParser {

	private final InputLimits limits;

	Ical4jCalendarObjectParser() {
		this(InputLimits.DEFAULT_MAX_BYTES, InputLimits.DEFAULT_MAX_COMPONENTS);
	}

	/**
	 * @param maxBytes the largest text accepted, in UTF-8 bytes
	 * @param maxComponents the most components (BEGIN lines) accepted
	 */
	Ical4jCalendarObjectParser(int maxBytes, int maxComponents) {
		this.limits = new InputLimits(maxBytes, maxComponents);
	}

	@Override
	public CalendarObject parse(String icalendar) {
		this.limits.check(icalendar);
		Calendar calendar = build(icalendar);
		try {
			return new CalendarObjectReader(calendar).read(ContentHash.of(icalendar), icalendar);
		}
		catch (InvalidICalendarException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// untrusted input: whatever ical4j trips over is a bad object, not our bug
			throw new InvalidICalendarException("Invalid iCalendar content: " + ex, ex);
		}
	}

	/** Also used by the renderer to read a template's VTIMEZONEs the same way. */
	static Calendar build(String icalendar) {
		// no TimeZoneRegistry: times are resolved by ZoneLookup, which explains why
		CalendarBuilder builder = new CalendarBuilder(CalendarParserFactory.getInstance().get(),
				new ContentHandlerContext().withSuppressInvalidProperties(true), null);
		try {
			return builder.build(new StringReader(icalendar));
		}
		catch (ParserException ex) {
			throw new InvalidICalendarException(
					"Not valid iCalendar: parse error at line " + ex.getLineNo() + ": " + rootMessage(ex), ex);
		}
		catch (IOException | RuntimeException ex) {
			throw new InvalidICalendarException("Not valid iCalendar: " + rootMessage(ex), ex);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

}
