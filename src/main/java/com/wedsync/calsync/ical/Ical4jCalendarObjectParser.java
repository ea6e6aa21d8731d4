package com.wedsync.calsync.ical;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarParserFactory;
import net.fortuna.ical4j.data.ContentHandlerContext;
import net.fortuna.ical4j.data.DefaultComponentFactorySupplier;
import net.fortuna.ical4j.data.DefaultParameterFactorySupplier;
import net.fortuna.ical4j.data.DefaultPropertyFactorySupplier;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentFactory;
import net.fortuna.ical4j.model.ParameterFactory;
import net.fortuna.ical4j.model.PropertyFactory;

/**
 * {@link CalendarObjectParser} over ical4j 4. Parsing is relaxed (see
 * {@code ical4j.properties}) because iCloud, Outlook and Notes all bend RFC 5545, and
 * offline: time zones come from the object's VTIMEZONEs or the JDK, never the network.
 */
class Ical4jCalendarObjectParser implements CalendarObjectParser {

	// ical4j's default suppliers build a new list of every factory for each component and
	// property parsed; the factories are stateless, so one list of each serves every
	// parse.
	private static final List<PropertyFactory<?>> PROPERTY_FACTORIES = List
		.copyOf(new DefaultPropertyFactorySupplier().get());

	private static final List<ParameterFactory<?>> PARAMETER_FACTORIES = List
		.copyOf(new DefaultParameterFactorySupplier().get());

	private static final List<ComponentFactory<?>> COMPONENT_FACTORIES = List
		.copyOf(new DefaultComponentFactorySupplier().get());

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
				new ContentHandlerContext().withSuppressInvalidProperties(true)
					.withPropertyFactorySupplier(() -> PROPERTY_FACTORIES)
					.withParameterFactorySupplier(() -> PARAMETER_FACTORIES)
					.withComponentFactorySupplier(() -> COMPONENT_FACTORIES),
				null);
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
