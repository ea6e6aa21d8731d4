package com.wedsync.calsync.ical;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import net.fortuna.ical4j.model.Recur;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded generated events across zones, all-day, floating and recurrence with overrides:
 * render → parse gives the same fields, new and over a template, and re-rendering the
 * same fields over our own output changes neither the content hash nor SEQUENCE.
 */
class RandomRoundTripTests {

	private static final long SEED = 20261130L;

	private static final List<String> ZONES = List.of("Europe/London", "America/New_York", "Australia/Sydney",
			"Asia/Kolkata", "Pacific/Chatham", "America/St_Johns", "Europe/Berlin", "Asia/Tokyo",
			"America/Los_Angeles");

	private static final List<String> RULES = List.of("FREQ=DAILY;COUNT=5", "FREQ=WEEKLY;BYDAY=MO;COUNT=10",
			"FREQ=WEEKLY;INTERVAL=2;BYDAY=SA,SU", "FREQ=MONTHLY;BYMONTHDAY=15;COUNT=6",
			"FREQ=YEARLY;UNTIL=20300101T000000Z");

	private static final String ALPHABET = "abcXYZ 019,;\\:\"\n–é€💍日";

	private final CalendarObjectParser parser = new Ical4jCalendarObjectParser();

	private final CalendarObjectRenderer renderer = new Ical4jCalendarObjectRenderer(
			Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC));

	static Stream<Integer> cases() {
		return IntStream.range(0, 200).boxed();
	}

	@ParameterizedTest
	@MethodSource("cases")
	void shouldReadBackGeneratedFieldsNewAndOverATemplate(int index) {
		Random random = new Random(SEED + index);
		EventFields fields = fields(random);
		EventFields edited = fields(random);

		String created = this.renderer.render("gen-" + index + "@wedsync.example", fields, null);
		String again = this.renderer.render("other", fields, created);
		String changed = this.renderer.render("other", edited, created);

		assertThat(this.parser.parse(created).fields()).isEqualTo(fields);
		assertThat(this.parser.parse(again).fields()).isEqualTo(fields);
		assertThat(ContentHash.of(again)).isEqualTo(ContentHash.of(created));
		assertThat(this.parser.parse(changed).fields()).isEqualTo(edited);
		assertThat(this.parser.parse(changed).uid()).isEqualTo("gen-" + index + "@wedsync.example");
		assertThat(changed).contains("\r\nSEQUENCE:1\r\n");
	}

	private static EventFields fields(Random random) {
		EventTiming timing = timing(random);
		String rule = (random.nextInt(10) < 4) ? new Recur<>(RULES.get(random.nextInt(RULES.size()))).toString() : null;
		List<EventOverride> overrides = new ArrayList<>();
		if (rule != null) {
			TreeMap<String, EventOverride> byId = new TreeMap<>();
			for (int i = random.nextInt(4); i > 0; i--) {
				String id = recurrenceId(timing, 1 + random.nextInt(8));
				byId.put(id, new EventOverride(id, timing(random), text(random), text(random), text(random),
						pick(random, "CANCELLED", "TENTATIVE", null)));
			}
			overrides.addAll(byId.values());
			overrides.sort(Comparator.comparing(EventOverride::recurrenceId));
		}
		List<String> exclusions = new ArrayList<>();
		List<String> additions = new ArrayList<>();
		if (rule != null) {
			for (int i = random.nextInt(3); i > 0; i--) {
				exclusions.add(recurrenceId(timing, 1 + random.nextInt(8)));
			}
			for (int i = random.nextInt(2); i > 0; i--) {
				additions.add(recurrenceId(timing, 20 + random.nextInt(8)));
			}
		}
		EventKind kind = EventKind.values()[random.nextInt(EventKind.values().length)];
		return new EventFields(kind, text(random), text(random), text(random), timing, rule, overrides, exclusions,
				additions, pick(random, "CONFIRMED", "TENTATIVE", "CANCELLED", null),
				pick(random, "https://zoom.us/j/123456789?pwd=a;b", null), pick(random, "TRANSPARENT", null),
				pick(random, "PRIVATE", "CONFIDENTIAL", null));
	}

	@SafeVarargs
	private static <T> T pick(Random random, T... values) {
		return values[random.nextInt(values.length)];
	}

	private static EventTiming timing(Random random) {
		LocalDateTime local = LocalDateTime.of(2025, 1, 1, 0, 0)
			.plusMinutes(random.nextInt(6 * 365 * 24 * 4) * 15L)
			.plusSeconds(random.nextInt(10) == 0 ? random.nextInt(60) : 0);
		long minutes = 15L * random.nextInt(4 * 24 * 3);
		return switch (random.nextInt(5)) {
			case 0 -> {
				LocalDate day = local.toLocalDate();
				yield new EventTiming(midnight(day), midnight(day.plusDays(1 + random.nextInt(5))), null, true, false);
			}
			case 1 -> new EventTiming(local.toInstant(ZoneOffset.UTC),
					local.plusMinutes(minutes).toInstant(ZoneOffset.UTC), null, false, true);
			case 2 -> new EventTiming(local.toInstant(ZoneOffset.UTC),
					local.plusMinutes(minutes).toInstant(ZoneOffset.UTC), "UTC", false, false);
			default -> {
				String zone = ZONES.get(random.nextInt(ZONES.size()));
				yield new EventTiming(inZone(local, zone), inZone(local.plusMinutes(minutes), zone), zone, false,
						false);
			}
		};
	}

	/**
	 * The instant a parser reads for this local time (ZoneLookup: gap → offset before).
	 */
	private static Instant inZone(LocalDateTime local, String zone) {
		return new ZoneLookup(List.of()).toInstant(local, zone);
	}

	private static Instant midnight(LocalDate day) {
		return day.atStartOfDay().toInstant(ZoneOffset.UTC);
	}

	/** A weekly occurrence of the master, in the form the parser gives it. */
	private static String recurrenceId(EventTiming master, int week) {
		if (master.allDay()) {
			return LocalDate.ofInstant(master.start(), ZoneOffset.UTC).plusWeeks(week).toString();
		}
		if (master.floating() || "UTC".equals(master.timeZone())) {
			return master.start().plus(7L * week, ChronoUnit.DAYS).toString();
		}
		LocalDateTime local = LocalDateTime.ofInstant(master.start(), ZoneId.of(master.timeZone())).plusWeeks(week);
		return inZone(local, master.timeZone()).toString();
	}

	/**
	 * Non-blank text without outer blanks (ical4j strips those when parsing), or null.
	 */
	private static String text(Random random) {
		if (random.nextInt(5) == 0) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		for (int i = 1 + random.nextInt(120); i > 0; i--) {
			int at = random.nextInt(ALPHABET.length());
			text.appendCodePoint(ALPHABET.codePointAt(Character.isLowSurrogate(ALPHABET.charAt(at)) ? at - 1 : at));
		}
		// ical4j 4.4 reads the escaped backslash and line break \\\n as two
		// backslashes and an 'n': a parser limit (see the report), kept out of the text
		String stripped = text.toString().replace("\\\n", "\\ \n").strip();
		return stripped.isEmpty() ? "x" : stripped;
	}

}
