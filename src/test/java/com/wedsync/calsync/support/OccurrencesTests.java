package com.wedsync.calsync.support;

import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The test-side expansion the fidelity suite compares copies with. */
class OccurrencesTests {

	private static final ZonedDateTime FROM = ZonedDateTime.parse("2027-01-01T00:00:00Z");

	private static final ZonedDateTime TO = ZonedDateTime.parse("2029-01-01T00:00:00Z");

	@Test
	void shouldApplyExdateRdateAndOverrides() {
		String series = """
				BEGIN:VCALENDAR\r
				VERSION:2.0\r
				PRODID:test\r
				BEGIN:VEVENT\r
				UID:lesson@test\r
				DTSTAMP:20261201T000000Z\r
				DTSTART;TZID=Europe/London:20270301T180000\r
				DTEND;TZID=Europe/London:20270301T190000\r
				RRULE:FREQ=WEEKLY;COUNT=4\r
				EXDATE;TZID=Europe/London:20270308T180000\r
				RDATE;TZID=Europe/London:20270401T120000\r
				SUMMARY:Dance lesson\r
				LOCATION:Studio\r
				END:VEVENT\r
				BEGIN:VEVENT\r
				UID:lesson@test\r
				DTSTAMP:20261201T000000Z\r
				RECURRENCE-ID;TZID=Europe/London:20270315T180000\r
				DTSTART;TZID=Europe/London:20270316T190000\r
				DTEND;TZID=Europe/London:20270316T200000\r
				SUMMARY:Dance lesson (Tuesday)\r
				LOCATION:Hall\r
				STATUS:TENTATIVE\r
				END:VEVENT\r
				END:VCALENDAR\r
				""";

		assertThat(Occurrences.of(series, FROM, TO)).extracting(Object::toString)
			.containsExactly("2027-03-01T18:00:00Z - 2027-03-01T19:00:00Z Dance lesson @ Studio ",
					"2027-03-16T19:00:00Z - 2027-03-16T20:00:00Z Dance lesson (Tuesday) @ Hall TENTATIVE",
					"2027-03-22T18:00:00Z - 2027-03-22T19:00:00Z Dance lesson @ Studio ",
					"2027-04-01T11:00:00Z - 2027-04-01T12:00:00Z Dance lesson @ Studio ");
	}

	@Test
	void shouldExpandAllDayAndFloatingEvents() {
		String allDay = """
				BEGIN:VCALENDAR\r
				VERSION:2.0\r
				PRODID:test\r
				BEGIN:VEVENT\r
				UID:bins@test\r
				DTSTAMP:20261201T000000Z\r
				DTSTART;VALUE=DATE:20270101\r
				DTEND;VALUE=DATE:20270102\r
				RRULE:FREQ=YEARLY\r
				EXDATE;VALUE=DATE:20280101\r
				SUMMARY:New year\r
				END:VEVENT\r
				END:VCALENDAR\r
				""";
		String floating = allDay.replace("DTSTART;VALUE=DATE:20270101", "DTSTART:20270105T090000")
			.replace("DTEND;VALUE=DATE:20270102", "DURATION:PT30M")
			.replace("RRULE:FREQ=YEARLY\r\nEXDATE;VALUE=DATE:20280101\r\n", "");

		assertThat(Occurrences.of(allDay, FROM, TO)).extracting(Object::toString)
			.containsExactly("2027-01-01 - 2027-01-02 New year @ (nowhere) ");
		assertThat(Occurrences.of(floating, FROM, TO)).extracting(Object::toString)
			.containsExactly("2027-01-05T09:00 (floating) - 2027-01-05T09:30 (floating) New year @ (nowhere) ");
	}

}
