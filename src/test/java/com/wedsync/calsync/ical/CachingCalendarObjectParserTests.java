package com.wedsync.calsync.ical;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The second parse of the same text is a lookup; the held text stays under its bound,
 * oldest out first; unreadable text is parsed (and refused) every time.
 */
class CachingCalendarObjectParserTests {

	private final CountingParser ical4j = new CountingParser();

	@Test
	void shouldParseTheSameTextOnce() {
		CachingCalendarObjectParser parser = new CachingCalendarObjectParser(this.ical4j, 1_000_000);
		String text = Fixtures.ical("floating.ics");

		CalendarObject first = parser.parse(text);
		CalendarObject second = parser.parse(new String(text.toCharArray()));

		assertThat(second).isSameAs(first);
		assertThat(this.ical4j.parses.get()).isOne();
		assertThat(parser.heldChars()).isEqualTo(text.length());
	}

	@Test
	void shouldForgetTheLeastRecentlyUsedTextsBeyondItsBound() {
		String a = event("a");
		String b = event("b");
		String c = event("c");
		CachingCalendarObjectParser parser = new CachingCalendarObjectParser(this.ical4j,
				a.length() + b.length() + c.length() - 1);
		parser.parse(a);
		parser.parse(b);
		parser.parse(a);
		parser.parse(c);
		assertThat(this.ical4j.parses.get()).isEqualTo(3);

		parser.parse(a);
		parser.parse(c);
		assertThat(this.ical4j.parses.get()).as("a and c still held").isEqualTo(3);
		parser.parse(b);
		assertThat(this.ical4j.parses.get()).as("b was the eldest, forgotten").isEqualTo(4);
		assertThat(parser.heldChars()).isLessThanOrEqualTo(a.length() + b.length() + c.length() - 1);
	}

	@Test
	void shouldNotHoldATextLargerThanItsBound() {
		String text = event("large");
		CachingCalendarObjectParser parser = new CachingCalendarObjectParser(this.ical4j, text.length() - 1);

		parser.parse(text);
		parser.parse(text);

		assertThat(this.ical4j.parses.get()).isEqualTo(2);
		assertThat(parser.heldChars()).isZero();
	}

	@Test
	void shouldRefuseUnreadableTextEveryTime() {
		CachingCalendarObjectParser parser = new CachingCalendarObjectParser(this.ical4j, 1_000_000);
		String text = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";

		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(InvalidICalendarException.class).isThrownBy(() -> parser.parse(text));
		}
		assertThat(this.ical4j.parses.get()).isEqualTo(2);
		assertThat(parser.heldChars()).isZero();
	}

	private static String event(String uid) {
		return """
				BEGIN:VCALENDAR\r
				VERSION:2.0\r
				PRODID:-//test//EN\r
				BEGIN:VEVENT\r
				UID:%s\r
				DTSTAMP:20261130T090000Z\r
				DTSTART:20270612T140000Z\r
				DTEND:20270612T150000Z\r
				SUMMARY:Event %s\r
				END:VEVENT\r
				END:VCALENDAR\r
				""".formatted(uid, uid);
	}

	private static final class CountingParser implements CalendarObjectParser {

		private final Ical4jCalendarObjectParser parser = new Ical4jCalendarObjectParser();

		final AtomicInteger parses = new AtomicInteger();

		@Override
		public CalendarObject parse(String icalendar) {
			this.parses.incrementAndGet();
			return this.parser.parse(icalendar);
		}

	}

}
