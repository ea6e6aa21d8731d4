package com.wedsync.calsync.ical;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InvalidCalendarObjectTests {

	private final CalendarObjectParser parser = new Ical4jCalendarObjectParser();

	@Test
	void shouldRejectTextThatIsNotIcalendar() {
		assertThatExceptionOfType(InvalidICalendarException.class)
			.isThrownBy(() -> this.parser.parse("<html><body>502 Bad Gateway</body></html>"))
			.withMessageContaining("Not iCalendar");
	}

	@Test
	void shouldRejectBrokenIcalendarNamingTheLine() {
		String broken = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VTODO\r\n"
				+ "END:VCALENDAR\r\n";

		assertThatExceptionOfType(InvalidICalendarException.class).isThrownBy(() -> this.parser.parse(broken))
			.withMessageContaining("parse error at line 5");
	}

	@Test
	void shouldRejectEmptyText() {
		assertThatExceptionOfType(InvalidICalendarException.class).isThrownBy(() -> this.parser.parse("  \r\n"))
			.withMessageContaining("empty");
	}

	@Test
	void shouldRejectVeventWithoutUid() {
		assertThatExceptionOfType(InvalidICalendarException.class)
			.isThrownBy(() -> this.parser.parse(Fixtures.ical("missing-uid.ics")))
			.withMessageContaining("no UID");
	}

	@Test
	void shouldRejectTwoUidsInOneResourceNamingBoth() {
		assertThatExceptionOfType(InvalidICalendarException.class)
			.isThrownBy(() -> this.parser.parse(Fixtures.ical("two-uids.ics")))
			.withMessageContaining("More than one UID")
			.withMessageContaining("first@wedsync.example")
			.withMessageContaining("second@wedsync.example");
	}

	@Test
	void shouldRejectResourceWithoutAnyComponent() {
		assertThatExceptionOfType(InvalidICalendarException.class)
			.isThrownBy(
					() -> this.parser.parse("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nEND:VCALENDAR\r\n"))
			.withMessageContaining("No VEVENT")
			.isNotInstanceOf(NotAnEventException.class);
	}

	@Test
	void shouldTellATaskFromABadObject() {
		assertThatExceptionOfType(NotAnEventException.class)
			.isThrownBy(() -> this.parser.parse(Fixtures.ical("no-vevent.ics")))
			.withMessageContaining("VTODO")
			.satisfies((ex) -> assertThat(ex.content()).isEqualTo(NotAnEventException.Content.VTODO));
	}

	@Test
	void shouldRejectOverridesWithoutMaster() {
		String onlyOverride = Fixtures.ical("weekly-with-overrides.ics")
			.replaceAll("(?s)BEGIN:VTIMEZONE.*?END:VEVENT\r\n(?=BEGIN:VEVENT)", "");

		assertThatExceptionOfType(InvalidICalendarException.class).isThrownBy(() -> this.parser.parse(onlyOverride))
			.withMessageContaining("exactly one master VEVENT");
	}

	@Test
	void shouldRejectUnknownTzidWithoutVtimezone() {
		assertThatExceptionOfType(InvalidICalendarException.class)
			.isThrownBy(() -> this.parser.parse(Fixtures.ical("unknown-tzid.ics")))
			.withMessageContaining("Unknown time zone TZID=Mars/Olympus_Mons");
	}

	@Test
	void shouldRejectTextOverTheSizeLimit() {
		String text = Fixtures.ical("icloud-ceremony-london.ics");
		CalendarObjectParser small = new Ical4jCalendarObjectParser(text.length() - 1, 1000);

		assertThatExceptionOfType(InvalidICalendarException.class).isThrownBy(() -> small.parse(text))
			.withMessageContaining("size limit");
	}

	@Test
	void shouldCountSizeInUtf8BytesNotCharacters() {
		String text = Fixtures.ical("icloud-ceremony-london.ics");
		// the en dash in SUMMARY is one char but three bytes
		CalendarObjectParser exact = new Ical4jCalendarObjectParser(text.length(), 1000);

		assertThatExceptionOfType(InvalidICalendarException.class).isThrownBy(() -> exact.parse(text))
			.withMessageContaining("size limit");
	}

	@Test
	void shouldRejectDefaultOversizedTextOfOneMebibyte() {
		String huge = "BEGIN:VCALENDAR\r\nX-PAD:" + "x".repeat(1024 * 1024) + "\r\nEND:VCALENDAR\r\n";

		assertThatExceptionOfType(InvalidICalendarException.class)
			.isThrownBy(() -> new Ical4jCalendarObjectParser().parse(huge))
			.withMessageContaining("size limit of 1048576 bytes");
	}

	@Test
	void shouldRejectTooManyComponents() {
		String alarm = "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT5M\r\nDESCRIPTION:x\r\nEND:VALARM\r\n";
		String text = Fixtures.ical("utc-no-dtend.ics").replace("END:VEVENT", alarm.repeat(3) + "END:VEVENT");
		CalendarObjectParser strict = new Ical4jCalendarObjectParser(1024 * 1024, 4);

		assertThatExceptionOfType(InvalidICalendarException.class).isThrownBy(() -> strict.parse(text))
			.withMessageContaining("more than the limit of 4 components");
	}

}
