package com.wedsync.calsync.ical;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** parse → fields → render over the same text → parse gives the same fields. */
class Ical4jCalendarObjectRendererRoundTripTests {

	private final CalendarObjectParser parser = new Ical4jCalendarObjectParser();

	private final CalendarObjectRenderer renderer = new Ical4jCalendarObjectRenderer(
			Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC));

	@ParameterizedTest
	@ValueSource(strings = { "icloud-ceremony-london.ics", "icloud-ceremony-london-reformatted.ics",
			"new-york-meeting-duration.ics", "weekly-with-overrides.ics", "all-day-deadline.ics",
			"all-day-no-dtend.ics", "floating.ics", "custom-vtimezone.ics", "utc-no-dtend.ics" })
	void shouldReadBackTheSameFieldsWhenRenderedOverItsOwnText(String fixture) {
		String text = Fixtures.ical(fixture);
		CalendarObject original = this.parser.parse(text);

		String rendered = this.renderer.render("ignored-because-template-has-uid", original.fields(), text);

		CalendarObject reread = this.parser.parse(rendered);
		assertThat(reread.fields()).isEqualTo(original.fields());
		assertThat(reread.uid()).isEqualTo(original.uid());
	}

	@ParameterizedTest
	@ValueSource(strings = { "icloud-ceremony-london.ics", "new-york-meeting-duration.ics", "weekly-with-overrides.ics",
			"all-day-deadline.ics", "floating.ics", "custom-vtimezone.ics" })
	void shouldGiveTheSameContentHashWhenRenderingTheSameFieldsTwiceAtDifferentTimes(String fixture) {
		String text = Fixtures.ical(fixture);
		EventFields fields = this.parser.parse(text).fields();
		CalendarObjectRenderer later = new Ical4jCalendarObjectRenderer(
				Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC));

		String first = this.renderer.render("x", fields, text);
		String second = later.render("x", fields, text);

		assertThat(second).isNotEqualTo(first);
		assertThat(ContentHash.of(second)).isEqualTo(ContentHash.of(first));
		// a fixed point: our own output as the template does not change the
		// content either
		assertThat(ContentHash.of(later.render("x", fields, first))).isEqualTo(ContentHash.of(first));
	}

	@Test
	void shouldKeepTheContentHashOfATemplateThatAlreadyHasEverythingWeWrite() {
		// has DTEND, X-WEDSYNC-KIND and SEQUENCE: only
		// DTSTAMP/LAST-MODIFIED/PRODID change
		String text = this.renderer.render("complete@wedsync.example",
				this.parser.parse(Fixtures.ical("icloud-ceremony-london.ics")).fields(), null);
		EventFields fields = this.parser.parse(text).fields();

		String rendered = this.renderer.render("complete@wedsync.example", fields,
				text.replace("PRODID:-//WedSync//calsync//EN", "PRODID:-//Apple Inc.//iPhone OS 17.4//EN"));

		assertThat(ContentHash.of(rendered)).isEqualTo(ContentHash.of(text));
	}

	@Test
	void shouldKeepTheTemplateUidOverTheGivenOne() {
		String text = Fixtures.ical("icloud-ceremony-london.ics");

		String rendered = this.renderer.render("platform-uid@wedsync.example", this.parser.parse(text).fields(), text);

		assertThat(this.parser.parse(rendered).uid()).isEqualTo("8A3F6C1E-2B7D-4E0A-9C55-1D2E3F4A5B6C");
		assertThat(rendered).doesNotContain("platform-uid@wedsync.example");
	}

	@Test
	void shouldUseTheGivenUidForEveryVeventOfANewEvent() {
		EventFields fields = this.parser.parse(Fixtures.ical("weekly-with-overrides.ics")).fields();

		String rendered = this.renderer.render("new-uid@wedsync.example", fields, null);

		assertThat(rendered.split("\r\nUID:new-uid@wedsync.example\r\n", -1)).hasSize(4);
		assertThat(this.parser.parse(rendered).uid()).isEqualTo("new-uid@wedsync.example");
	}

	@Test
	void shouldKeepSequenceWhenNothingModeledChangedAndBumpItOtherwise() {
		String text = Fixtures.ical("icloud-ceremony-london.ics");
		EventFields fields = this.parser.parse(text).fields();
		EventFields retitled = new EventFields(fields.kind(), "Ceremony – Alice & Ben (moved)", fields.location(),
				fields.description(), fields.timing(), fields.recurrenceRule(), fields.overrides());

		assertThat(this.renderer.render("x", fields, text)).contains("\r\nSEQUENCE:2\r\n").doesNotContain("SEQUENCE:3");
		assertThat(this.renderer.render("x", retitled, text)).contains("\r\nSEQUENCE:3\r\n")
			.doesNotContain("SEQUENCE:2");
		assertThat(this.renderer.render("x", fields, null)).contains("\r\nSEQUENCE:0\r\n");
	}

	@Test
	void shouldBumpSequenceOfAChangedOverrideOnly() {
		String text = Fixtures.ical("weekly-with-overrides.ics");
		EventFields fields = this.parser.parse(text).fields();
		// sorted by recurrence id: 15 March (moved) before 5 April (cancelled)
		EventOverride moved = fields.overrides().get(0);
		assertThat(moved.cancelled()).isFalse();
		EventFields renamed = new EventFields(fields.kind(), fields.summary(), fields.location(), fields.description(),
				fields.timing(), fields.recurrenceRule(), java.util.List.of(new EventOverride(moved.recurrenceId(),
						moved.timing(), "Dance lesson (Tuesday)", null, null, null), fields.overrides().get(1)));

		String rendered = this.renderer.render("x", renamed, text);

		assertThat(this.parser.parse(rendered).fields()).isEqualTo(renamed);
		// master had no SEQUENCE (0): now 1; moved override 1 → 2; cancelled one kept
		// at 1
		assertThat(rendered).containsOnlyOnce("SEQUENCE:2").contains("SEQUENCE:1");
	}

	@Test
	void shouldBeASpringBeanWithTheSystemClock() {
		try (var context = new AnnotationConfigApplicationContext(Ical4jCalendarObjectRenderer.class)) {
			CalendarObjectRenderer bean = context.getBean(CalendarObjectRenderer.class);
			EventFields fields = this.parser.parse(Fixtures.ical("floating.ics")).fields();

			String rendered = bean.render("bean@wedsync.example", fields, null);

			assertThat(this.parser.parse(rendered).fields()).isEqualTo(fields);
			assertThat(rendered).doesNotContain("DTSTAMP:20261130T100000Z");
		}
	}

}
