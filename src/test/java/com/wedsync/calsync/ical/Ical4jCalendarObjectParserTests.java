package com.wedsync.calsync.ical;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class Ical4jCalendarObjectParserTests {

	private final CalendarObjectParser parser = new Ical4jCalendarObjectParser();

	@Test
	void shouldReadLondonCeremonyAtExactInstantsWithTextAndKind() {
		String text = Fixtures.ical("icloud-ceremony-london.ics");

		CalendarObject event = this.parser.parse(text);

		assertThat(event.uid()).isEqualTo("8A3F6C1E-2B7D-4E0A-9C55-1D2E3F4A5B6C");
		assertThat(event.kind()).isEqualTo(EventKind.CEREMONY);
		assertThat(event.summary()).isEqualTo("Ceremony – Alice & Ben");
		assertThat(event.location()).isEqualTo("St Mary's Church\nHigh Street, Oxford");
		assertThat(event.description()).isEqualTo("Arrive 30 minutes early.\nRings: best man.");
		// 14:00 BST is 13:00 UTC
		assertThat(event.timing()).isEqualTo(new EventTiming(Instant.parse("2027-06-12T13:00:00Z"),
				Instant.parse("2027-06-12T15:00:00Z"), "Europe/London", false, false));
		assertThat(event.recurrenceRule()).isNull();
		assertThat(event.overrides()).isEmpty();
		assertThat(event.lastModified()).isEqualTo(Instant.parse("2026-11-15T08:30:00Z"));
		assertThat(event.contentHash()).isEqualTo(ContentHash.of(text)).hasSize(64);
	}

	@Test
	void shouldKeepOriginalTextWithAlarmsAttendeesAndAppleProperties() {
		String text = Fixtures.ical("icloud-ceremony-london.ics");

		CalendarObject event = this.parser.parse(text);

		assertThat(event.icalendar()).isSameAs(text)
			.contains("BEGIN:VALARM", "ATTENDEE;CN=Alice", "X-APPLE-STRUCTURED-LOCATION", "\r\n ");
	}

	@Test
	void shouldTakeKindFromWedsyncPropertyBeforeCategoriesAndEndFromDuration() {
		CalendarObject event = this.parser.parse(Fixtures.ical("new-york-meeting-duration.ics"));

		assertThat(event.kind()).isEqualTo(EventKind.MEETING);
		// 10:00 EDT (DST ends 7 Nov 2027) is 14:00 UTC; DURATION PT1H30M
		assertThat(event.timing()).isEqualTo(new EventTiming(Instant.parse("2027-11-05T14:00:00Z"),
				Instant.parse("2027-11-05T15:30:00Z"), "America/New_York", false, false));
	}

	@Test
	void shouldReadAllDayEventAsUtcMidnightsWithKindFromSecondCategory() {
		CalendarObject event = this.parser.parse(Fixtures.ical("all-day-deadline.ics"));

		assertThat(event.kind()).isEqualTo(EventKind.DEADLINE);
		assertThat(event.timing()).isEqualTo(new EventTiming(Instant.parse("2027-05-01T00:00:00Z"),
				Instant.parse("2027-05-03T00:00:00Z"), null, true, false));
	}

	@Test
	void shouldGiveAllDayEventWithoutDtendOneDay() {
		CalendarObject event = this.parser.parse(Fixtures.ical("all-day-no-dtend.ics"));

		assertThat(event.kind()).isEqualTo(EventKind.OTHER);
		assertThat(event.timing()).isEqualTo(new EventTiming(Instant.parse("2027-08-20T00:00:00Z"),
				Instant.parse("2027-08-21T00:00:00Z"), null, true, false));
	}

	@Test
	void shouldEndTimedEventWithoutDtendOrDurationAtItsStart() {
		CalendarObject event = this.parser.parse(Fixtures.ical("utc-no-dtend.ics"));

		Instant start = Instant.parse("2027-08-10T12:00:00Z");
		assertThat(event.timing()).isEqualTo(new EventTiming(start, start, "UTC", false, false));
		assertThat(event.lastModified()).isNull();
	}

	@Test
	void shouldReadFloatingTimesAsUtcAndMarkThemFloating() {
		CalendarObject event = this.parser.parse(Fixtures.ical("floating.ics"));

		assertThat(event.timing()).isEqualTo(new EventTiming(Instant.parse("2027-07-01T09:00:00Z"),
				Instant.parse("2027-07-01T10:30:00Z"), null, false, true));
	}

	@Test
	void shouldUseTheObjectsOwnVtimezoneForANonOlsonTzid() {
		CalendarObject event = this.parser.parse(Fixtures.ical("custom-vtimezone.ics"));

		// +05:30 comes only from the VTIMEZONE: the JDK knows no "India Standard Time"
		assertThat(event.timing()).isEqualTo(new EventTiming(Instant.parse("2027-12-01T04:30:00Z"),
				Instant.parse("2027-12-01T06:00:00Z"), "India Standard Time", false, false));
	}

	@Test
	void shouldReadWeeklyMasterWithMovedAndCancelledOverridesWhateverTheirOrder() {
		CalendarObject event = this.parser.parse(Fixtures.ical("weekly-with-overrides.ics"));

		assertThat(event.uid()).isEqualTo("weekly-dance-lessons@wedsync.example");
		assertThat(event.kind()).isEqualTo(EventKind.MEETING);
		assertThat(event.summary()).isEqualTo("Dance lesson");
		// ical4j writes the rule parts in its own canonical order
		assertThat(event.recurrenceRule()).isEqualTo("FREQ=WEEKLY;COUNT=10;BYDAY=MO");
		assertThat(event.timing().start()).isEqualTo(Instant.parse("2027-03-01T18:00:00Z"));
		assertThat(event.lastModified()).isEqualTo(Instant.parse("2026-11-20T08:59:59Z"));
		assertThat(event.overrides()).containsExactly(
				// Monday 15 March (GMT) moved to Tuesday 19:00
				new EventOverride("2027-03-15T18:00:00Z",
						new EventTiming(Instant.parse("2027-03-16T19:00:00Z"), Instant.parse("2027-03-16T20:00:00Z"),
								"Europe/London", false, false),
						"Dance lesson (moved to Tuesday)", null, null, null),
				// Monday 5 April is in BST: 18:00 local is 17:00 UTC
				new EventOverride(
						"2027-04-05T17:00:00Z", new EventTiming(Instant.parse("2027-04-05T17:00:00Z"),
								Instant.parse("2027-04-05T18:00:00Z"), "Europe/London", false, false),
						"Dance lesson", null, null, "CANCELLED"));
	}

	@Test
	void shouldGiveAllDayOverrideAnIsoDateRecurrenceId() {
		String text = """
				BEGIN:VCALENDAR
				VERSION:2.0
				PRODID:-//Example//EN
				BEGIN:VEVENT
				UID:yearly-anniversary@wedsync.example
				DTSTART;VALUE=DATE:20280612
				RRULE:FREQ=YEARLY
				SUMMARY:Anniversary
				END:VEVENT
				BEGIN:VEVENT
				UID:yearly-anniversary@wedsync.example
				RECURRENCE-ID;VALUE=DATE:20290612
				DTSTART;VALUE=DATE:20290613
				SUMMARY:Anniversary (day late)
				END:VEVENT
				END:VCALENDAR
				""";

		CalendarObject event = this.parser.parse(text);

		assertThat(event.overrides()).singleElement()
			.satisfies((override) -> assertThat(override.recurrenceId()).isEqualTo("2029-06-12"));
	}

	@Test
	void shouldBeTheParserBehindTheSpringBeanForCalendarObjectParser() {
		try (var context = new AnnotationConfigApplicationContext(CachingCalendarObjectParser.class)) {
			CalendarObjectParser bean = context.getBean(CalendarObjectParser.class);

			assertThat(bean.parse(Fixtures.ical("floating.ics")).uid())
				.isEqualTo("floating-hair-trial@wedsync.example");
		}
	}

}
