package com.wedsync.calsync.wedding;

import java.time.temporal.Temporal;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.wedsync.calsync.web.InvalidRequestException;
import net.fortuna.ical4j.model.Recur;

/**
 * Checks RRULE values from requests against RFC 5545 section 3.3.10, then parses them as
 * ical4j does when it renders. ical4j reads leniently ({@code INTERVAL=0},
 * {@code COUNT=-1}, {@code BYMONTH=13} pass), and what it reads would be sent to every
 * server as is; servers then refuse it, or expand it each their own way.
 */
final class RecurrenceRules {

	private static final Set<String> FREQUENCIES = Set.of("SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY",
			"MONTHLY", "YEARLY");

	private static final Pattern WEEKDAY = Pattern.compile("SU|MO|TU|WE|TH|FR|SA");

	private static final Pattern BYDAY_ENTRY = Pattern.compile("([+-]?)(\\d{1,2})?(SU|MO|TU|WE|TH|FR|SA)");

	private static final Pattern UNTIL = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(T\\d{6}Z?)?");

	private RecurrenceRules() {
	}

	/**
	 * @param field the request field, named in the problem when the rule is invalid
	 * @return the rule as ical4j writes it (parts in ical4j's order), which is what the
	 * parser reads back from the rendered body, so stored and parsed rules compare equal
	 */
	static String normalize(String field, String rule) {
		String text = rule.strip();
		if (text.regionMatches(true, 0, "RRULE:", 0, 6)) {
			throw new InvalidRequestException(field, field + " is the RRULE value only, without 'RRULE:'");
		}
		check(field, text.toUpperCase(Locale.ROOT));
		try {
			return new Recur<Temporal>(text).toString();
		}
		catch (RuntimeException ex) {
			throw invalid(field, rule, ex.getMessage());
		}
	}

	private static void check(String field, String rule) {
		Set<String> seen = new HashSet<>();
		String frequency = null;
		for (String part : rule.split(";", -1)) {
			int equals = part.indexOf('=');
			if (equals <= 0) {
				throw invalid(field, rule, "'" + part + "' is not NAME=VALUE");
			}
			String name = part.substring(0, equals);
			String value = part.substring(equals + 1);
			if (!seen.add(name)) {
				throw invalid(field, rule, name + " is given more than once");
			}
			switch (name) {
				case "FREQ" -> {
					if (!FREQUENCIES.contains(value)) {
						throw invalid(field, rule, "FREQ must be one of " + String.join(", ", FREQUENCIES));
					}
					frequency = value;
				}
				case "UNTIL" -> until(field, rule, value);
				case "COUNT", "INTERVAL" -> positive(field, rule, name, value);
				case "BYSECOND" -> numbers(field, rule, name, value, 0, 60, false);
				case "BYMINUTE" -> numbers(field, rule, name, value, 0, 59, false);
				case "BYHOUR" -> numbers(field, rule, name, value, 0, 23, false);
				case "BYMONTHDAY" -> numbers(field, rule, name, value, 1, 31, true);
				case "BYYEARDAY", "BYSETPOS" -> numbers(field, rule, name, value, 1, 366, true);
				case "BYWEEKNO" -> numbers(field, rule, name, value, 1, 53, true);
				case "BYMONTH" -> numbers(field, rule, name, value, 1, 12, false);
				case "BYDAY" -> days(field, rule, value);
				case "WKST" -> {
					if (!WEEKDAY.matcher(value).matches()) {
						throw invalid(field, rule, "WKST must be a weekday (SU, MO, …)");
					}
				}
				default -> {
					if (!name.startsWith("X-")) {
						throw invalid(field, rule, name + " is not a recurrence rule part");
					}
				}
			}
		}
		combinations(field, rule, frequency, seen);
	}

	private static void combinations(String field, String rule, String frequency, Set<String> parts) {
		if (frequency == null) {
			throw invalid(field, rule, "FREQ is required");
		}
		if (parts.contains("UNTIL") && parts.contains("COUNT")) {
			throw invalid(field, rule, "UNTIL and COUNT must not both be given");
		}
		if (parts.contains("BYWEEKNO") && !frequency.equals("YEARLY")) {
			throw invalid(field, rule, "BYWEEKNO is only for FREQ=YEARLY");
		}
		if (parts.contains("BYYEARDAY") && Set.of("DAILY", "WEEKLY", "MONTHLY").contains(frequency)) {
			throw invalid(field, rule, "BYYEARDAY is not for FREQ=" + frequency);
		}
		if (parts.contains("BYMONTHDAY") && frequency.equals("WEEKLY")) {
			throw invalid(field, rule, "BYMONTHDAY is not for FREQ=WEEKLY");
		}
		if (parts.contains("BYSETPOS")
				&& parts.stream().noneMatch((p) -> p.startsWith("BY") && !p.equals("BYSETPOS"))) {
			throw invalid(field, rule, "BYSETPOS needs another BYxxx part");
		}
		if (rule.matches(".*BYDAY=[^;]*\\d.*")
				&& (!Set.of("MONTHLY", "YEARLY").contains(frequency) || parts.contains("BYWEEKNO"))) {
			throw invalid(field, rule,
					"a numbered BYDAY (such as 2SA) is only for FREQ=MONTHLY, or YEARLY without BYWEEKNO");
		}
	}

	private static void until(String field, String rule, String value) {
		var until = UNTIL.matcher(value);
		if (!until.matches()) {
			throw invalid(field, rule, "UNTIL must be a date (20270612) or a date-time (20270612T150000Z)");
		}
		if (!EventTimeInput.isSupportedYear(Integer.parseInt(until.group(1)))) {
			throw invalid(field, rule, "UNTIL must fall in " + EventTimeInput.SUPPORTED_YEARS);
		}
	}

	private static void positive(String field, String rule, String name, String value) {
		if (!value.matches("\\d{1,9}") || Integer.parseInt(value) == 0) {
			throw invalid(field, rule, name + " must be a positive whole number");
		}
	}

	private static void numbers(String field, String rule, String name, String value, int min, int max,
			boolean signed) {
		for (String entry : value.split(",", -1)) {
			String digits = (signed && (entry.startsWith("-") || entry.startsWith("+"))) ? entry.substring(1) : entry;
			if (!digits.matches("\\d{1,3}") || Integer.parseInt(digits) < min || Integer.parseInt(digits) > max) {
				throw invalid(field, rule, name + " values must be " + (signed ? "±" : "") + min + " to " + max);
			}
		}
	}

	private static void days(String field, String rule, String value) {
		for (String entry : value.split(",", -1)) {
			var day = BYDAY_ENTRY.matcher(entry);
			if (!day.matches() || (!day.group(1).isEmpty() && day.group(2) == null) || (day.group(2) != null
					&& (Integer.parseInt(day.group(2)) < 1 || Integer.parseInt(day.group(2)) > 53))) {
				throw invalid(field, rule, "BYDAY values must be weekdays, optionally numbered ±1 to 53 (2SA, -1FR)");
			}
		}
	}

	private static InvalidRequestException invalid(String field, String rule, String why) {
		return new InvalidRequestException(field, field + " '" + rule + "' is not an RFC 5545 recurrence rule: " + why);
	}

}
