package com.wedsync.calsync.ical;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Events the platform creates: no template, every timing form, DST-correct instants. */
class NewEventRenderingTests {

	private final CalendarObjectParser parser = new Ical4jCalendarObjectParser();

	private final CalendarObjectRenderer renderer = new Ical4jCalendarObjectRenderer(
			Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC));

	@Test
	void shouldWriteLondonSummerCeremonyInBritishSummerTimeWithItsVtimezone() {
		// 13:00 UTC on 12 June 2027 is 14:00 BST
		EventFields fields = fields(EventKind.CEREMONY, new EventTiming(Instant.parse("2027-06-12T13:00:00Z"),
				Instant.parse("2027-06-12T15:00:00Z"), "Europe/London", false, false));

		String rendered = render(fields);

		assertThat(ContentHash.unfold(rendered)).contains("DTSTART;TZID=Europe/London:20270612T140000",
				"DTEND;TZID=Europe/London:20270612T160000", "TZID:Europe/London", "X-WEDSYNC-KIND:CEREMONY",
				"SEQUENCE:0", "DTSTAMP:20261130T100000Z", "LAST-MODIFIED:20261130T100000Z");
		assertThat(rendered).containsOnlyOnce("BEGIN:VTIMEZONE");
	}

	@Test
	void shouldWriteNewYorkMeetingAcrossTheNovemberClockChange() {
		// 5 Nov 2027 is EDT (UTC-4), 8 Nov is EST (UTC-5): DST ends on 7 Nov
		EventFields before = fields(EventKind.MEETING, new EventTiming(Instant.parse("2027-11-05T14:00:00Z"),
				Instant.parse("2027-11-05T15:30:00Z"), "America/New_York", false, false));
		EventFields after = fields(EventKind.MEETING, new EventTiming(Instant.parse("2027-11-08T15:00:00Z"),
				Instant.parse("2027-11-08T16:30:00Z"), "America/New_York", false, false));

		assertThat(ContentHash.unfold(render(before))).contains("DTSTART;TZID=America/New_York:20271105T100000");
		assertThat(ContentHash.unfold(render(after))).contains("DTSTART;TZID=America/New_York:20271108T100000",
				"TZID:America/New_York");
	}

	@Test
	void shouldWriteUtcTimesWithZAndNoVtimezone() {
		EventFields fields = fields(EventKind.OTHER, new EventTiming(Instant.parse("2027-03-28T00:30:00Z"),
				Instant.parse("2027-03-28T01:30:00Z"), "UTC", false, false));

		String rendered = render(fields);

		assertThat(ContentHash.unfold(rendered)).contains("DTSTART:20270328T003000Z", "DTEND:20270328T013000Z");
		assertThat(rendered).doesNotContain("VTIMEZONE", "TZID");
	}

	@Test
	void shouldWriteAllDayDatesWithExclusiveEnd() {
		EventFields fields = fields(EventKind.DEADLINE, new EventTiming(Instant.parse("2027-05-01T00:00:00Z"),
				Instant.parse("2027-05-03T00:00:00Z"), null, true, false));

		assertThat(ContentHash.unfold(render(fields))).contains("DTSTART;VALUE=DATE:20270501",
				"DTEND;VALUE=DATE:20270503");
	}

	@Test
	void shouldWriteFloatingTimesWithoutZone() {
		EventFields fields = fields(EventKind.OTHER, new EventTiming(Instant.parse("2027-07-01T09:00:00Z"),
				Instant.parse("2027-07-01T10:30:00Z"), null, false, true));

		String rendered = render(fields);

		assertThat(ContentHash.unfold(rendered)).contains("DTSTART:20270701T090000", "DTEND:20270701T103000");
		assertThat(rendered).doesNotContain("VTIMEZONE");
	}

	@Test
	void shouldWriteWeeklyLessonsWithAMovedAndACancelledOccurrence() {
		// Mondays 18:00 London from 1 March 2027; BST starts 28 March
		EventTiming master = new EventTiming(Instant.parse("2027-03-01T18:00:00Z"),
				Instant.parse("2027-03-01T19:00:00Z"), "Europe/London", false, false);
		EventOverride moved = new EventOverride(
				"2027-03-15T18:00:00Z", new EventTiming(Instant.parse("2027-03-16T19:00:00Z"),
						Instant.parse("2027-03-16T20:00:00Z"), "Europe/London", false, false),
				"Dance lesson (Tuesday)", null, null, null);
		EventOverride cancelled = new EventOverride(
				"2027-04-05T17:00:00Z", new EventTiming(Instant.parse("2027-04-05T17:00:00Z"),
						Instant.parse("2027-04-05T18:00:00Z"), "Europe/London", false, false),
				"Dance lesson", null, null, "CANCELLED");
		EventFields fields = new EventFields(EventKind.MEETING, "Dance lesson", null, null, master,
				"FREQ=WEEKLY;COUNT=10;BYDAY=MO", List.of(moved, cancelled));

		String rendered = render(fields);

		List<String> lines = ContentHash.unfold(rendered);
		assertThat(lines).contains("RRULE:FREQ=WEEKLY;COUNT=10;BYDAY=MO",
				"RECURRENCE-ID;TZID=Europe/London:20270315T180000", "DTSTART;TZID=Europe/London:20270316T190000",
				"RECURRENCE-ID;TZID=Europe/London:20270405T180000", "STATUS:CANCELLED");
		assertThat(rendered).containsOnlyOnce("STATUS:CANCELLED").containsOnlyOnce("BEGIN:VTIMEZONE");
		assertThat(this.parser.parse(rendered).fields()).isEqualTo(fields);
	}

	@Test
	void shouldWriteAVtimezoneForEveryZoneUsed() {
		EventTiming master = new EventTiming(Instant.parse("2027-03-01T18:00:00Z"),
				Instant.parse("2027-03-01T19:00:00Z"), "Europe/London", false, false);
		EventOverride inTokyo = new EventOverride(
				"2027-03-08T18:00:00Z", new EventTiming(Instant.parse("2027-03-09T09:00:00Z"),
						Instant.parse("2027-03-09T10:00:00Z"), "Asia/Tokyo", false, false),
				"Video call", null, null, null);
		EventFields fields = new EventFields(EventKind.MEETING, "Call", null, null, master, "FREQ=WEEKLY;COUNT=3",
				List.of(inTokyo));

		String rendered = render(fields);

		assertThat(ContentHash.unfold(rendered)).contains("TZID:Europe/London", "TZID:Asia/Tokyo",
				"DTSTART;TZID=Asia/Tokyo:20270309T180000");
		assertThat(this.parser.parse(rendered).fields()).isEqualTo(fields);
	}

	@Test
	void shouldReadEveryNewEventBackAsTheSameFields() {
		List<EventTiming> timings = List.of(
				new EventTiming(Instant.parse("2027-10-31T00:30:00Z"), Instant.parse("2027-10-31T02:30:00Z"),
						"Europe/London", false, false),
				new EventTiming(Instant.parse("2027-03-14T06:59:00Z"), Instant.parse("2027-03-14T07:01:00Z"),
						"America/New_York", false, false),
				new EventTiming(Instant.parse("2027-03-28T00:30:00Z"), Instant.parse("2027-03-28T01:30:00Z"), "UTC",
						false, false),
				new EventTiming(Instant.parse("2027-05-01T00:00:00Z"), Instant.parse("2027-05-02T00:00:00Z"), null,
						true, false),
				new EventTiming(Instant.parse("2027-07-01T09:00:00Z"), Instant.parse("2027-07-01T10:30:00Z"), null,
						false, true));
		for (EventTiming timing : timings) {
			EventFields fields = fields(EventKind.OTHER, timing);

			assertThat(this.parser.parse(render(fields)).fields()).as(timing.toString()).isEqualTo(fields);
		}
	}

	private String render(EventFields fields) {
		return this.renderer.render("new@wedsync.example", fields, null);
	}

	private static EventFields fields(EventKind kind, EventTiming timing) {
		return new EventFields(kind, "Title", "Venue, Hall; \"A\"", "Line one\nLine two", timing, null, List.of());
	}

}
