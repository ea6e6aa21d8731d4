package com.wedsync.calsync.ical;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Whatever a server returns, the parser answers with a {@link CalendarObject} or an
 * {@link InvalidICalendarException} (which the batch step turns into a dead letter), and
 * never hangs: any other exception would fail a whole sync instead of one item. Inputs
 * come from a seeded generator, so a failure names a seed that reproduces it.
 */
class GarbageInputTests {

	private static final int TRIES = 300;

	private static final List<String> FRAGMENTS = List.of("BEGIN:VEVENT", "END:VEVENT", "BEGIN:VTIMEZONE",
			"END:VTIMEZONE", "UID:x", "DTSTART:20270612T140000Z", "DTSTART;TZID=Europe/London:2027",
			"DTSTART;VALUE=DATE:2027-06-12", "DTEND:x", "DURATION:P", "DURATION:PT1H", "RRULE:FREQ=",
			"RECURRENCE-ID:20270612T140000Z", "TZOFFSETFROM:+9999", " folded", "BEGIN:STANDARD", "END:STANDARD",
			"LAST-MODIFIED:yesterday", "CATEGORIES:,,,", "X-WEDSYNC-KIND:", ";:;:", "BEGIN:VCALENDAR", "END:VCALENDAR");

	private final CalendarObjectParser parser = new Ical4jCalendarObjectParser();

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void shouldOnlyEverThrowInvalidIcalendar(long seed) {
		String text = garbage(new Random(seed));
		assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
			try {
				this.parser.parse(text);
			}
			catch (RuntimeException ex) {
				assertThat(ex).isInstanceOf(InvalidICalendarException.class).hasMessageNotContaining("null");
			}
		});
	}

	static Stream<Long> seeds() {
		return IntStream.range(0, TRIES).mapToObj((i) -> 0x5EED0000L + i);
	}

	private static String garbage(Random random) {
		if (random.nextBoolean()) {
			return printable(random, 400);
		}
		// fragments of real iCalendar get past the first checks and into ical4j itself
		StringBuilder text = new StringBuilder("BEGIN:VCALENDAR\r\n");
		int lines = random.nextInt(41);
		for (int i = 0; i < lines; i++) {
			String line = random.nextBoolean() ? FRAGMENTS.get(random.nextInt(FRAGMENTS.size()))
					: printable(random, 80).replace("\n", "");
			text.append(line).append("\r\n");
		}
		return text.append("END:VCALENDAR\r\n").toString();
	}

	private static String printable(Random random, int maxLength) {
		String extra = "\r\n\téé–";
		int length = random.nextInt(maxLength + 1);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((random.nextInt(10) == 0) ? extra.charAt(random.nextInt(extra.length()))
					: (char) (' ' + random.nextInt('~' - ' ' + 1)));
		}
		return text.toString();
	}

}
