package com.wedsync.calsync.ical;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the master VEVENT and its overrides: modeled properties from the fields, every
 * other property and sub-component (VALARM) from the template's matching VEVENT as it
 * was. A modeled property whose value did not change is also kept as it was (with its
 * parameters, say LANGUAGE), so re-rendering unchanged fields does not change the content
 * hash.
 */
final class VEventBuilder {

	/** Written from the fields or the render itself; a template's copy is replaced. */
	static final Set<String> MODELED = Set.of("UID", "DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "SUMMARY", "LOCATION",
			"DESCRIPTION", "DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID", "STATUS", "URL",
			"TRANSP", "CLASS", "X-WEDSYNC-KIND");

	/**
	 * An override models what an occurrence can differ in (summary, place, description,
	 * time, status); the rest stays as the calendar has it. Recurrence properties in an
	 * override mean nothing (RFC 5545 §3.8.4.4) and are dropped.
	 */
	private static final Set<String> MODELED_IN_OVERRIDE = Set.of("UID", "DTSTAMP", "LAST-MODIFIED", "SEQUENCE",
			"SUMMARY", "LOCATION", "DESCRIPTION", "DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE",
			"RECURRENCE-ID", "STATUS");

	private final String uid;

	private final Instant now;

	private final RenderTemplate template;

	private final DateTimeLines dates;

	VEventBuilder(String uid, Instant now, RenderTemplate template) {
		// every VEVENT of the object shares one UID (RFC 4791 §4.1): the template's wins
		this.uid = template.exists() ? template.parsed().uid() : uid;
		this.now = now;
		this.template = template;
		this.dates = new DateTimeLines(template.zones());
	}

	/** The master and its overrides, in that order. */
	List<RawComponent> build(EventFields fields) {
		Optional<RawComponent> raw = this.template.master();
		CalendarObject old = this.template.parsed();
		List<String> lines = head(raw);
		boolean same = old != null;
		addTiming(lines, raw, fields.timing(), same && fields.timing().equals(old.timing()));
		keepOrWrite(lines, raw, "RRULE", same && Objects.equals(fields.recurrenceRule(), old.recurrenceRule()),
				(fields.recurrenceRule() != null) ? "RRULE:" + fields.recurrenceRule() : null);
		keepAllOrWrite(lines, raw, "RDATE", same && fields.additions().equals(old.fields().additions()),
				fields.additions(), fields.timing());
		keepAllOrWrite(lines, raw, "EXDATE", same && fields.exclusions().equals(old.fields().exclusions()),
				fields.exclusions(), fields.timing());
		keepOrWriteText(lines, raw, "SUMMARY", same && Objects.equals(fields.summary(), old.summary()),
				fields.summary());
		keepOrWriteText(lines, raw, "LOCATION", same && Objects.equals(fields.location(), old.location()),
				fields.location());
		keepOrWriteText(lines, raw, "DESCRIPTION", same && Objects.equals(fields.description(), old.description()),
				fields.description());
		keepOrWrite(lines, raw, "STATUS", same && Objects.equals(fields.status(), old.fields().status()),
				(fields.status() != null) ? "STATUS:" + fields.status() : null);
		keepOrWrite(lines, raw, "URL", same && Objects.equals(fields.url(), old.fields().url()),
				(fields.url() != null) ? "URL:" + fields.url() : null);
		keepOrWrite(lines, raw, "TRANSP", same && Objects.equals(fields.transparency(), old.fields().transparency()),
				(fields.transparency() != null) ? "TRANSP:" + fields.transparency() : null);
		keepOrWrite(lines, raw, "CLASS", same && Objects.equals(fields.classification(), old.fields().classification()),
				(fields.classification() != null) ? "CLASS:" + fields.classification() : null);
		boolean kindWritten = raw.flatMap((event) -> event.line("X-WEDSYNC-KIND"))
			.flatMap((line) -> EventKind.fromText(RawComponent.valueOf(line)))
			.filter(fields.kind()::equals)
			.isPresent();
		keepOrWrite(lines, raw, "X-WEDSYNC-KIND", kindWritten, "X-WEDSYNC-KIND:" + fields.kind().name());
		int sequence = sequence(lines, raw, (old != null) ? old.fields().equals(fields) : null);
		List<RawComponent> events = new ArrayList<>();
		events.add(event(lines, raw, MODELED));
		for (EventOverride override : fields.overrides()) {
			events.add(override(override, fields.timing(), sequence));
		}
		return events;
	}

	private RawComponent override(EventOverride override, EventTiming masterTiming, int masterSequence) {
		Optional<RawComponent> raw = this.template.override(override.recurrenceId());
		Optional<EventOverride> old = this.template.parsedOverride(override.recurrenceId())
			.filter((o) -> raw.isPresent());
		List<String> lines = head(raw);
		lines.add(raw.flatMap((event) -> event.line("RECURRENCE-ID"))
			.orElseGet(() -> this.dates.recurrenceId(override.recurrenceId(), masterTiming)));
		boolean same = old.isPresent();
		addTiming(lines, raw, override.timing(), same && override.timing().equals(old.get().timing()));
		keepOrWriteText(lines, raw, "SUMMARY", same && Objects.equals(override.summary(), old.get().summary()),
				override.summary());
		keepOrWriteText(lines, raw, "LOCATION", same && Objects.equals(override.location(), old.get().location()),
				override.location());
		keepOrWriteText(lines, raw, "DESCRIPTION",
				same && Objects.equals(override.description(), old.get().description()), override.description());
		keepOrWrite(lines, raw, "STATUS", same && Objects.equals(override.status(), old.get().status()),
				(override.status() != null) ? "STATUS:" + override.status() : null);
		if (same) {
			sequence(lines, raw, override.equals(old.get()));
		}
		else {
			// a new exception is as new as the master's current revision
			lines.add("SEQUENCE:" + masterSequence);
		}
		return event(lines, raw, MODELED_IN_OVERRIDE);
	}

	private List<String> head(Optional<RawComponent> raw) {
		List<String> lines = new ArrayList<>();
		lines.add(raw.flatMap((event) -> event.line("UID")).orElse("UID:" + this.uid));
		lines.add(DateTimeLines.timestamp("DTSTAMP", this.now));
		lines.add(DateTimeLines.timestamp("LAST-MODIFIED", this.now));
		return lines;
	}

	/**
	 * Always DTSTART and DTEND, never DURATION: iCloud rejects a PUT without DTEND. The
	 * template's lines are kept only when they already were that.
	 */
	private void addTiming(List<String> lines, Optional<RawComponent> raw, EventTiming timing, boolean unchanged) {
		Optional<String> start = raw.flatMap((event) -> event.line("DTSTART"));
		Optional<String> end = raw.flatMap((event) -> event.line("DTEND"));
		boolean duration = raw.flatMap((event) -> event.line("DURATION")).isPresent();
		if (unchanged && start.isPresent() && end.isPresent() && !duration) {
			lines.add(start.get());
			lines.add(end.get());
		}
		else {
			lines.add(this.dates.start(timing));
			lines.add(this.dates.end(timing));
		}
	}

	/**
	 * RFC 5545 §3.8.7.4: the sequence number goes up with every significant revision; a
	 * write that changes no modeled field keeps it, so re-rendering is not a revision.
	 * @param unchanged whether no modeled field changed, {@code null} for a new event
	 * @return the sequence number written
	 */
	private static int sequence(List<String> lines, Optional<RawComponent> raw, Boolean unchanged) {
		Optional<String> old = raw.flatMap((event) -> event.line("SEQUENCE"));
		int oldValue = old.map((line) -> parseSequence(RawComponent.valueOf(line))).orElse(0);
		if (unchanged == null) {
			lines.add("SEQUENCE:0");
			return 0;
		}
		if (unchanged) {
			old.ifPresent(lines::add);
			return oldValue;
		}
		lines.add("SEQUENCE:" + (oldValue + 1));
		return oldValue + 1;
	}

	private static int parseSequence(String value) {
		try {
			return Math.max(0, Integer.parseInt(value.strip()));
		}
		catch (NumberFormatException ex) {
			// a client's garbage SEQUENCE counts as none; ours replaces it
			return 0;
		}
	}

	private static void keepOrWriteText(List<String> lines, Optional<RawComponent> raw, String name, boolean unchanged,
			String value) {
		keepOrWrite(lines, raw, name, unchanged, (value != null) ? name + ":" + ContentLines.escape(value) : null);
	}

	/**
	 * For properties that may appear many times (EXDATE, RDATE): the template's lines as
	 * they were when the value did not change, else one line per occurrence.
	 */
	private void keepAllOrWrite(List<String> lines, Optional<RawComponent> raw, String name, boolean unchanged,
			List<String> occurrences, EventTiming master) {
		if (unchanged && raw.isPresent()) {
			raw.get().lines().stream().filter((line) -> RawComponent.nameOf(line).equals(name)).forEach(lines::add);
			return;
		}
		occurrences.forEach((occurrence) -> lines.add(this.dates.occurrence(name, occurrence, master)));
	}

	private static void keepOrWrite(List<String> lines, Optional<RawComponent> raw, String name, boolean unchanged,
			String written) {
		Optional<String> kept = unchanged ? raw.flatMap((event) -> event.line(name)) : Optional.empty();
		if (kept.isPresent()) {
			lines.add(kept.get());
		}
		else if (written != null) {
			lines.add(written);
		}
	}

	private static RawComponent event(List<String> modeled, Optional<RawComponent> raw, Set<String> replaced) {
		List<String> lines = new ArrayList<>(modeled);
		raw.ifPresent((event) -> lines.addAll(event.linesExcept(replaced)));
		return new RawComponent("VEVENT", lines, raw.map(RawComponent::children).orElse(List.of()));
	}

}
