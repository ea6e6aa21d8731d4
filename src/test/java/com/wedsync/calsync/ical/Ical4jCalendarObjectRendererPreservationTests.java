package com.wedsync.calsync.ical;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What the platform does not model survives a write that changes what it does. */
class Ical4jCalendarObjectRendererPreservationTests {

	private final CalendarObjectParser parser = new Ical4jCalendarObjectParser();

	private final CalendarObjectRenderer renderer = new Ical4jCalendarObjectRenderer(
			Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC));

	@Test
	void shouldKeepAlarmAttendeesOrganizerAndAppleTextWhenSummaryAndTimingChange() {
		String text = Fixtures.ical("icloud-ceremony-london.ics");
		EventFields fields = this.parser.parse(text).fields();
		EventTiming later = new EventTiming(Instant.parse("2027-06-12T14:00:00Z"),
				Instant.parse("2027-06-12T16:30:00Z"), "Europe/London", false, false);
		EventFields changed = new EventFields(fields.kind(), "Ceremony – Alice & Ben, 3 pm", fields.location(),
				fields.description(), later, null, List.of());

		String rendered = this.renderer.render("x", changed, text);

		List<String> lines = ContentHash.unfold(rendered);
		assertThat(lines).contains("ORGANIZER;CN=Planner Paula:mailto:paula@example.com",
				"ATTENDEE;CN=Alice;CUTYPE=INDIVIDUAL;PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT:mailto:alice@example.com",
				"ATTENDEE;CN=Ben;CUTYPE=INDIVIDUAL;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:ben@example.com",
				"X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-ADDRESS=\"High Street, Oxford OX1 4AH, England\";"
						+ "X-APPLE-RADIUS=70.58;X-TITLE=St Mary's Church:geo:51.752,-1.253",
				"X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC", "TRANSP:OPAQUE", "CATEGORIES:Ceremony",
				"CREATED:20261101T101500Z");
		assertThat(String.join("\n", lines)).contains(String.join("\n", "BEGIN:VALARM",
				"X-WR-ALARMUID:0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0", "UID:0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0",
				"TRIGGER:-PT2H", "ATTACH;VALUE=URI:Chord", "ACTION:AUDIO", "X-APPLE-DEFAULT-ALARM:TRUE", "END:VALARM"));
		// 15:00 and 17:30 BST
		assertThat(lines)
			.contains("DTSTART;TZID=Europe/London:20270612T150000", "DTEND;TZID=Europe/London:20270612T173000",
					"SUMMARY:Ceremony – Alice & Ben\\, 3 pm")
			.doesNotContain("DTSTART;TZID=Europe/London:20270612T140000", "SUMMARY:Ceremony – Alice & Ben");
		assertThat(this.parser.parse(rendered).fields()).isEqualTo(changed);
	}

	@Test
	void shouldWriteDtendInsteadOfTheTemplatesDuration() {
		String text = Fixtures.ical("new-york-meeting-duration.ics");
		EventFields fields = this.parser.parse(text).fields();

		String rendered = this.renderer.render("x", fields, text);

		// 10:00 EDT + PT1H30M
		assertThat(ContentHash.unfold(rendered)).contains("DTSTART;TZID=America/New_York:20271105T100000",
				"DTEND;TZID=America/New_York:20271105T113000");
		assertThat(rendered).doesNotContain("DURATION");
		assertThat(this.parser.parse(rendered).timing()).isEqualTo(fields.timing());
	}

	@Test
	void shouldWriteDtendWhenTheTemplateHadNone() {
		String allDay = Fixtures.ical("all-day-no-dtend.ics");
		String utc = Fixtures.ical("utc-no-dtend.ics");

		String renderedAllDay = this.renderer.render("x", this.parser.parse(allDay).fields(), allDay);
		String renderedUtc = this.renderer.render("x", this.parser.parse(utc).fields(), utc);

		assertThat(allDay).doesNotContain("DTEND");
		assertThat(utc).doesNotContain("DTEND");
		assertThat(ContentHash.unfold(renderedAllDay)).anyMatch((line) -> line.startsWith("DTEND;VALUE=DATE:"));
		assertThat(ContentHash.unfold(renderedUtc)).anyMatch((line) -> line.matches("DTEND:\\d{8}T\\d{6}Z"));
	}

	@Test
	void shouldKeepUnmodeledPropertiesOfAKeptOverrideAndDropOverridesNoLongerInTheFields() {
		String text = Fixtures.ical("weekly-with-overrides.ics")
			.replace("SUMMARY:Dance lesson (moved to Tuesday)",
					"SUMMARY:Dance lesson (moved to Tuesday)\r\nLOCATION:Studio B\r\nX-APPLE-NOTE:bring shoes");
		EventFields fields = this.parser.parse(text).fields();
		// sorted by recurrence id: 15 March (moved) before 5 April (cancelled)
		EventOverride moved = fields.overrides().get(0);
		assertThat(moved.cancelled()).isFalse();
		EventFields onlyMoved = new EventFields(fields.kind(), fields.summary(), fields.location(),
				fields.description(), fields.timing(), fields.recurrenceRule(), List.of(moved));

		String rendered = this.renderer.render("x", onlyMoved, text);

		assertThat(ContentHash.unfold(rendered))
			.contains("LOCATION:Studio B", "X-APPLE-NOTE:bring shoes",
					"RECURRENCE-ID;TZID=Europe/London:20270315T180000")
			.doesNotContain("RECURRENCE-ID;TZID=Europe/London:20270405T180000", "STATUS:CANCELLED");
		assertThat(this.parser.parse(rendered).fields()).isEqualTo(onlyMoved);
	}

	@Test
	void shouldReplaceProdidAndKeepCalscaleAndDropMethod() {
		String text = Fixtures.ical("icloud-ceremony-london.ics")
			.replace("CALSCALE:GREGORIAN", "CALSCALE:GREGORIAN\r\nMETHOD:REQUEST\r\nX-WR-CALNAME:Wedding");

		String rendered = this.renderer.render("x", this.parser.parse(text).fields(), text);

		assertThat(rendered).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//WedSync//calsync//EN\r\n")
			.contains("\r\nCALSCALE:GREGORIAN\r\n", "\r\nX-WR-CALNAME:Wedding\r\n")
			.doesNotContain("Apple Inc.", "METHOD")
			.endsWith("END:VCALENDAR\r\n");
	}

	@Test
	void shouldDropTheTemplatesVtimezoneWhenTheEventMovesToAnotherZone() {
		String text = Fixtures.ical("icloud-ceremony-london.ics");
		EventFields fields = this.parser.parse(text).fields();
		EventFields inParis = new EventFields(fields.kind(), fields.summary(), fields.location(), fields.description(),
				new EventTiming(fields.timing().start(), fields.timing().end(), "Europe/Paris", false, false), null,
				List.of());

		String rendered = this.renderer.render("x", inParis, text);

		assertThat(ContentHash.unfold(rendered))
			.contains("TZID:Europe/Paris", "DTSTART;TZID=Europe/Paris:20270612T150000")
			.doesNotContain("TZID:Europe/London");
		assertThat(this.parser.parse(rendered).fields()).isEqualTo(inParis);
	}

	@Test
	void shouldRefuseToWriteOverATemplateItCannotRead() {
		EventFields fields = this.parser.parse(Fixtures.ical("floating.ics")).fields();

		// writing over what cannot be read could lose what it holds
		assertThatExceptionOfType(InvalidICalendarException.class)
			.isThrownBy(() -> this.renderer.render("x", fields, Fixtures.ical("two-uids.ics")));
		assertThatExceptionOfType(InvalidICalendarException.class)
			.isThrownBy(() -> this.renderer.render("x", fields, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"));
	}

}
