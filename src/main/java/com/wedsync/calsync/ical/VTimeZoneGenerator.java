package com.wedsync.calsync.ical;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds a VTIMEZONE (RFC 5545 §3.6.5) from JDK zone rules, offline: one observance per
 * transition in the years around the event, then, for zones that still change their
 * clocks, yearly RRULE observances so later occurrences of a recurring event resolve too.
 * Explicit transitions rather than rules for the event's own years because the JDK's
 * history does not always fit a yearly rule, and the event's instants must read back
 * exactly.
 */
final class VTimeZoneGenerator {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

	private VTimeZoneGenerator() {
	}

	/**
	 * @param from the earliest instant the event uses
	 * @param to the latest instant the event uses
	 */
	static RawComponent generate(String tzid, ZoneRules rules, Instant from, Instant to) {
		int firstYear = LocalDateTime.ofInstant(from, ZoneOffset.UTC).getYear() - 1;
		int lastYear = LocalDateTime.ofInstant(to, ZoneOffset.UTC).getYear() + 1;
		Instant windowStart = LocalDateTime.of(firstYear, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
		Instant windowEnd = LocalDateTime.of(lastYear + 1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
		List<RawComponent> observances = new ArrayList<>();
		// start with the transition that set the offset in force when the window opens:
		// ical4j takes the offset before the first onset from a real change, not from an
		// observance whose TZOFFSETFROM equals its TZOFFSETTO
		ZoneOffsetTransition transition = rules.previousTransition(windowStart.plusSeconds(1));
		if (transition == null) {
			ZoneOffset fixed = rules.getOffset(windowStart);
			observances.add(observance(false, LocalDateTime.ofInstant(windowStart, fixed), fixed, fixed, null));
			transition = rules.nextTransition(windowStart);
		}
		while (transition != null && transition.getInstant().isBefore(windowEnd)) {
			observances.add(observance(rules.isDaylightSavings(transition.getInstant()), transition.getDateTimeBefore(),
					transition.getOffsetBefore(), transition.getOffsetAfter(), null));
			transition = rules.nextTransition(transition.getInstant());
		}
		for (ZoneOffsetTransitionRule rule : rules.getTransitionRules()) {
			ZoneOffsetTransition next = rule.createTransition(lastYear + 1);
			observances.add(observance(rules.isDaylightSavings(next.getInstant()), next.getDateTimeBefore(),
					next.getOffsetBefore(), next.getOffsetAfter(), yearly(rule)));
		}
		return new RawComponent("VTIMEZONE", List.of("TZID:" + tzid), observances);
	}

	private static RawComponent observance(boolean daylight, LocalDateTime start, ZoneOffset from, ZoneOffset to,
			String rrule) {
		List<String> lines = new ArrayList<>(
				List.of("DTSTART:" + start.format(LOCAL), "TZOFFSETFROM:" + offset(from), "TZOFFSETTO:" + offset(to)));
		if (rrule != null) {
			lines.add("RRULE:" + rrule);
		}
		return new RawComponent(daylight ? "DAYLIGHT" : "STANDARD", lines, List.of());
	}

	/**
	 * The JDK's "day-of-week on or after day d" (or on or before the d-th last day) as a
	 * recurrence rule: the seven candidate month days filtered by the weekday.
	 */
	private static String yearly(ZoneOffsetTransitionRule rule) {
		String day = rule.getDayOfWeek() == null ? ""
				: rule.getDayOfWeek().name().substring(0, 2).toUpperCase(Locale.ROOT);
		int indicator = rule.getDayOfMonthIndicator();
		String byDay;
		if (day.isEmpty()) {
			byDay = "BYMONTHDAY=" + indicator;
		}
		else if (indicator == -1
				|| (rule.getMonth() != Month.FEBRUARY && indicator + 6 == rule.getMonth().maxLength())) {
			// "Sunday on or after 25 March" is the last Sunday, the form every
			// client reads
			byDay = "BYDAY=-1" + day;
		}
		else if (indicator > 0 && (indicator - 1) % 7 == 0) {
			byDay = "BYDAY=" + ((indicator - 1) / 7 + 1) + day;
		}
		else {
			List<String> days = new ArrayList<>();
			for (int i = 0; i < 7; i++) {
				days.add(String.valueOf((indicator > 0) ? indicator + i : indicator - i));
			}
			byDay = "BYMONTHDAY=" + String.join(",", days) + ";BYDAY=" + day;
		}
		return "FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue() + ";" + byDay;
	}

	/** §3.3.14 UTC-OFFSET: +hhmm, with seconds only when there are any. */
	private static String offset(ZoneOffset offset) {
		int total = offset.getTotalSeconds();
		int abs = Math.abs(total);
		String text = String.format(Locale.ROOT, "%s%02d%02d", (total < 0) ? "-" : "+", abs / 3600, (abs / 60) % 60);
		return (abs % 60 == 0) ? text : text + String.format(Locale.ROOT, "%02d", abs % 60);
	}

}
