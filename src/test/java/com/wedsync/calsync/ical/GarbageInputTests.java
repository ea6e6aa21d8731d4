package com.wedsync.calsync.ical;

import java.time.Duration;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Whatever a server returns, the parser answers with a {@link CalendarObject} or an
 * {@link InvalidICalendarException} (which the batch step turns into a dead letter), and
 * never hangs: any other exception would fail a whole sync instead of one item.
 */
class GarbageInputTests {

	private final CalendarObjectParser parser = new Ical4jCalendarObjectParser();

	@Property(tries = 300)
	void shouldOnlyEverThrowInvalidIcalendar(@ForAll("garbage") String text) {
		assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
			try {
				this.parser.parse(text);
			}
			catch (RuntimeException ex) {
				assertThat(ex).isInstanceOf(InvalidICalendarException.class).hasMessageNotContaining("null");
			}
		});
	}

	@Provide
	Arbitrary<String> garbage() {
		Arbitrary<String> printable = Arbitraries.strings()
			.withCharRange(' ', '~')
			.withChars('\r', '\n', '\t', 'é', '–')
			.ofMaxLength(400);
		// fragments of real iCalendar get past the first checks and into ical4j itself
		Arbitrary<String> line = Arbitraries.oneOf(printable.map((s) -> s.replace("\n", "")),
				Arbitraries.of("BEGIN:VEVENT", "END:VEVENT", "BEGIN:VTIMEZONE", "END:VTIMEZONE", "UID:x",
						"DTSTART:20270612T140000Z", "DTSTART;TZID=Europe/London:2027", "DTSTART;VALUE=DATE:2027-06-12",
						"DTEND:x", "DURATION:P", "DURATION:PT1H", "RRULE:FREQ=", "RECURRENCE-ID:20270612T140000Z",
						"TZOFFSETFROM:+9999", " folded", "BEGIN:STANDARD", "END:STANDARD", "LAST-MODIFIED:yesterday",
						"CATEGORIES:,,,", "X-WEDSYNC-KIND:", ";:;:", "BEGIN:VCALENDAR", "END:VCALENDAR"));
		Arbitrary<String> calendarLike = line.list()
			.ofMaxSize(40)
			.map((lines) -> "BEGIN:VCALENDAR\r\n" + String.join("\r\n", lines) + "\r\nEND:VCALENDAR\r\n");
		return Arbitraries.oneOf(printable, calendarLike);
	}

}
