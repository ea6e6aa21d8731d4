package com.wedsync.calsync.ical;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Apple Calendar, Google and Thunderbird write beyond summary, place and time:
 * deleted occurrences (EXDATE), added ones (RDATE), overrides with their own place,
 * description and status, a cancelled series, video links, show-as-free and private
 * events. Read as fields, written back in the master's form, and kept verbatim when
 * unchanged.
 */
class RecurrenceSetAndStatusFieldsTests {

	private final CalendarObjectParser parser = new Ical4jCalendarObjectParser();

	private final CalendarObjectRenderer renderer = new Ical4jCalendarObjectRenderer(
			Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));

	private static final String LONDON = """
			BEGIN:VTIMEZONE\r
			TZID:Europe/London\r
			BEGIN:DAYLIGHT\r
			TZOFFSETFROM:+0000\r
			TZOFFSETTO:+0100\r
			DTSTART:19810329T010000\r
			RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
			TZNAME:BST\r
			END:DAYLIGHT\r
			BEGIN:STANDARD\r
			TZOFFSETFROM:+0100\r
			TZOFFSETTO:+0000\r
			DTSTART:19961027T020000\r
			RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
			TZNAME:GMT\r
			END:STANDARD\r
			END:VTIMEZONE\r
			""";

	private static final String APPLE_SERIES = """
			BEGIN:VCALENDAR\r
			VERSION:2.0\r
			PRODID:-//Apple Inc.//macOS 14.4//EN\r
			CALSCALE:GREGORIAN\r
			""" + LONDON + """
			BEGIN:VEVENT\r
			UID:lessons@icloud.com\r
			DTSTAMP:20261201T090000Z\r
			DTSTART;TZID=Europe/London:20270301T180000\r
			DTEND;TZID=Europe/London:20270301T190000\r
			RRULE:FREQ=WEEKLY;COUNT=8\r
			EXDATE;TZID=Europe/London:20270308T180000,20270405T180000\r
			EXDATE:20270412T170000Z\r
			RDATE;TZID=Europe/London:20270501T110000\r
			SUMMARY:Dance lesson\r
			LOCATION:Studio\r
			STATUS:CONFIRMED\r
			TRANSP:OPAQUE\r
			CLASS:PUBLIC\r
			URL;VALUE=URI:https://zoom.us/j/123456789\r
			X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC\r
			BEGIN:VALARM\r
			ACTION:DISPLAY\r
			DESCRIPTION:Reminder\r
			TRIGGER:-PT15M\r
			X-WR-ALARMUID:5E2F0D4A-1\r
			END:VALARM\r
			END:VEVENT\r
			BEGIN:VEVENT\r
			UID:lessons@icloud.com\r
			DTSTAMP:20261201T090000Z\r
			RECURRENCE-ID;TZID=Europe/London:20270315T180000\r
			DTSTART;TZID=Europe/London:20270316T190000\r
			DTEND;TZID=Europe/London:20270316T200000\r
			SUMMARY:Dance lesson\r
			LOCATION:Village hall\r
			DESCRIPTION:Bring the shoes\r
			STATUS:TENTATIVE\r
			END:VEVENT\r
			END:VCALENDAR\r
			""";

	@Test
	void shouldReadExclusionsAdditionsAndStatusesAsFields() {
		EventFields fields = this.parser.parse(APPLE_SERIES).fields();

		// 8 March and 5 April 18:00 London (GMT, then BST), and one given in UTC
		assertThat(fields.exclusions()).containsExactly("2027-03-08T18:00:00Z", "2027-04-05T17:00:00Z",
				"2027-04-12T17:00:00Z");
		assertThat(fields.additions()).containsExactly("2027-05-01T10:00:00Z");
		assertThat(fields.status()).isEqualTo("CONFIRMED");
		assertThat(fields.url()).isEqualTo("https://zoom.us/j/123456789");
		// the defaults, written out or not, are one value
		assertThat(fields.transparency()).isNull();
		assertThat(fields.classification()).isNull();
		EventOverride moved = fields.overrides().get(0);
		assertThat(moved.location()).isEqualTo("Village hall");
		assertThat(moved.description()).isEqualTo("Bring the shoes");
		assertThat(moved.status()).isEqualTo("TENTATIVE");
		assertThat(moved.cancelled()).isFalse();
	}

	@Test
	void shouldReadAllDayExclusionsAndAnRdateOnlySeriesWithPeriods() {
		String thunderbird = """
				BEGIN:VCALENDAR\r
				VERSION:2.0\r
				PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN\r
				BEGIN:VEVENT\r
				UID:markets@example.org\r
				DTSTAMP:20261201T090000Z\r
				DTSTART;VALUE=DATE:20270306\r
				DTEND;VALUE=DATE:20270307\r
				RDATE;VALUE=DATE:20270403,20270501\r
				RDATE;VALUE=PERIOD:20270605T090000Z/20270605T120000Z\r
				EXDATE;VALUE=DATE:20270403\r
				SUMMARY:Wedding fair\r
				TRANSP:TRANSPARENT\r
				CLASS:PRIVATE\r
				STATUS:CANCELLED\r
				END:VEVENT\r
				END:VCALENDAR\r
				""";

		EventFields fields = this.parser.parse(thunderbird).fields();

		assertThat(fields.recurrenceRule()).isNull();
		assertThat(fields.additions()).containsExactly("2027-04-03", "2027-05-01", "2027-06-05T09:00:00Z");
		assertThat(fields.exclusions()).containsExactly("2027-04-03");
		assertThat(fields.transparency()).isEqualTo("TRANSPARENT");
		assertThat(fields.classification()).isEqualTo("PRIVATE");
		assertThat(fields.cancelled()).isTrue();
	}

	@Test
	void shouldKeepUnchangedExclusionsAndStatusesVerbatimWhenAnotherFieldChanges() {
		EventFields fields = this.parser.parse(APPLE_SERIES).fields();

		String rendered = this.renderer.render("lessons@icloud.com",
				fields.toBuilder().summary("Dance lesson (beginners)").build(), APPLE_SERIES);

		assertThat(ContentHash.unfold(rendered)).contains("EXDATE;TZID=Europe/London:20270308T180000,20270405T180000",
				"EXDATE:20270412T170000Z", "RDATE;TZID=Europe/London:20270501T110000", "STATUS:CONFIRMED",
				"TRANSP:OPAQUE", "CLASS:PUBLIC", "URL;VALUE=URI:https://zoom.us/j/123456789",
				"SUMMARY:Dance lesson (beginners)", "X-WR-ALARMUID:5E2F0D4A-1", "LOCATION:Village hall");
	}

	@Test
	void shouldWriteChangedExclusionsInTheMastersFormAndReadThemBack() {
		EventFields fields = this.parser.parse(APPLE_SERIES).fields();
		EventFields edited = fields.toBuilder()
			.exclusions(List.of("2027-03-08T18:00:00Z", "2027-04-19T17:00:00Z"))
			.status("CANCELLED")
			.url(null)
			.transparency("TRANSPARENT")
			.classification("PRIVATE")
			.overrides(List.of(new EventOverride("2027-03-15T18:00:00Z", fields.overrides().get(0).timing(),
					"Dance lesson", "Church hall", null, "CANCELLED")))
			.build();

		String rendered = this.renderer.render("lessons@icloud.com", edited, APPLE_SERIES);

		assertThat(ContentHash.unfold(rendered))
			.contains("EXDATE;TZID=Europe/London:20270308T180000", "EXDATE;TZID=Europe/London:20270419T180000",
					"STATUS:CANCELLED", "TRANSP:TRANSPARENT", "CLASS:PRIVATE", "LOCATION:Church hall")
			.doesNotContain("URL;VALUE=URI:https://zoom.us/j/123456789", "DESCRIPTION:Bring the shoes",
					"STATUS:TENTATIVE");
		assertThat(this.parser.parse(rendered).fields()).isEqualTo(edited);
	}

	@Test
	void shouldWriteAllOfANewEventsFieldsForThePlatform() {
		EventTiming allDay = new EventTiming(Instant.parse("2027-03-06T00:00:00Z"),
				Instant.parse("2027-03-07T00:00:00Z"), null, true, false);
		EventFields fields = new EventFields(EventKind.OTHER, "Wedding fair", null, null, allDay,
				"FREQ=MONTHLY;COUNT=6", List.of(), List.of("2027-04-06"), List.of("2027-12-24"), "TENTATIVE",
				"https://meet.google.com/abc-defg-hij", "TRANSPARENT", "CONFIDENTIAL");

		String rendered = this.renderer.render("fair@wedsync.app", fields, null);

		assertThat(ContentHash.unfold(rendered)).contains("EXDATE;VALUE=DATE:20270406", "RDATE;VALUE=DATE:20271224",
				"URL:https://meet.google.com/abc-defg-hij");
		assertThat(this.parser.parse(rendered).fields()).isEqualTo(fields);
	}

}
