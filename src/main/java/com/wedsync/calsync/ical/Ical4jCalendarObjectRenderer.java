package com.wedsync.calsync.ical;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * {@link CalendarObjectRenderer} that writes the text itself rather than through ical4j's
 * model: what the platform does not model is copied from the template line by line, so it
 * reaches the server as the calendar wrote it (ical4j would re-serialise parameters,
 * values and X- properties its own way). The template is still read with ical4j, by the
 * same code as the parser, so "changed" and "the same instant" mean what they mean there.
 */
@Component
class Ical4jCalendarObjectRenderer implements CalendarObjectRenderer {

	static final String PRODID = "-//WedSync//calsync//EN";

	/**
	 * VERSION and PRODID are ours; RFC 4791 §4.1 forbids METHOD in a calendar object
	 * resource (an iTIP invitation saved as is would carry one).
	 */
	private static final Set<String> REPLACED_CALENDAR_PROPERTIES = Set.of("VERSION", "PRODID", "METHOD");

	private final Clock clock;

	Ical4jCalendarObjectRenderer() {
		this(Clock.systemUTC());
	}

	/**
	 * @param clock for DTSTAMP and LAST-MODIFIED
	 */
	Ical4jCalendarObjectRenderer(Clock clock) {
		this.clock = clock;
	}

	@Override
	public String render(String uid, EventFields fields, String template) {
		Assert.hasText(uid, "uid must not be empty");
		Assert.notNull(fields, "fields must not be null");
		Assert.notNull(fields.kind(), "fields.kind must not be null");
		Assert.notNull(fields.timing(), "fields.timing must not be null");
		RenderTemplate current = RenderTemplate.read(template);
		List<RawComponent> events = new VEventBuilder(uid, this.clock.instant(), current).build(fields);
		ContentLines out = new ContentLines();
		out.line("BEGIN:VCALENDAR").line("VERSION:2.0").line("PRODID:" + PRODID);
		current.calendar().linesExcept(REPLACED_CALENDAR_PROPERTIES).forEach(out::line);
		for (String tzid : tzids(events)) {
			current.timeZone(tzid).orElseGet(() -> generated(tzid, fields, current)).writeTo(out);
		}
		// other components of the template (VTODO, stray VTIMEZONEs) are dropped: §4.1
		// allows one component type per resource, and unused VTIMEZONEs only add weight
		events.forEach((event) -> event.writeTo(out));
		out.line("END:VCALENDAR");
		return out.toString();
	}

	/**
	 * RFC 5545 §3.2.19: every TZID used needs its VTIMEZONE in the object, including the
	 * TZIDs of kept lines such as EXDATE.
	 */
	private static Set<String> tzids(List<RawComponent> events) {
		Set<String> tzids = new TreeSet<>();
		for (RawComponent event : events) {
			Stream.concat(event.lines().stream(), event.children().stream().flatMap((c) -> c.lines().stream()))
				.forEach((line) -> RawComponent.parameter(line, "TZID").ifPresent(tzids::add));
		}
		return tzids;
	}

	private static RawComponent generated(String tzid, EventFields fields, RenderTemplate template) {
		List<Instant> instants = new ArrayList<>();
		instants.add(fields.timing().start());
		instants.add(fields.timing().end());
		for (EventOverride override : fields.overrides()) {
			instants.add(override.timing().start());
			instants.add(override.timing().end());
		}
		Stream.concat(fields.exclusions().stream(), fields.additions().stream())
			.filter((occurrence) -> occurrence.length() > 10)
			.map(Instant::parse)
			.forEach(instants::add);
		if (template.exists()) {
			instants.add(template.parsed().timing().start());
		}
		Instant from = instants.stream().min(Instant::compareTo).orElseThrow();
		Instant to = instants.stream().max(Instant::compareTo).orElseThrow();
		return VTimeZoneGenerator.generate(tzid, template.zones().rulesFor(tzid), from, to);
	}

}
