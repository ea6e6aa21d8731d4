package com.wedsync.calsync.ical;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentHashTests {

	private final String original = Fixtures.ical("icloud-ceremony-london.ics");

	@Test
	void shouldIgnoreServerStampsPropertyOrderComponentOrderFoldingAndLineEndings() {
		String rewritten = Fixtures.ical("icloud-ceremony-london-reformatted.ics");
		assertThat(rewritten).isNotEqualTo(this.original);

		assertThat(ContentHash.of(rewritten)).isEqualTo(ContentHash.of(this.original));
	}

	@Test
	void shouldGiveTheSameHashThroughTheParser() {
		CalendarObjectParser parser = new Ical4jCalendarObjectParser();

		assertThat(parser.parse(Fixtures.ical("icloud-ceremony-london-reformatted.ics")).contentHash())
			.isEqualTo(parser.parse(this.original).contentHash());
	}

	@Test
	void shouldChangeWhenSummaryChanges() {
		String edited = this.original.replace("SUMMARY:Ceremony – Alice & Ben", "SUMMARY:Ceremony – Alice & Bea");

		assertThat(ContentHash.of(edited)).isNotEqualTo(ContentHash.of(this.original));
	}

	@Test
	void shouldChangeWhenStartChanges() {
		String edited = this.original.replace("DTSTART;TZID=Europe/London:20270612T140000",
				"DTSTART;TZID=Europe/London:20270612T143000");

		assertThat(ContentHash.of(edited)).isNotEqualTo(ContentHash.of(this.original));
	}

	@Test
	void shouldChangeWhenAnAlarmChanges() {
		String edited = this.original.replace("TRIGGER:-PT2H", "TRIGGER:-PT1H");

		assertThat(ContentHash.of(edited)).isNotEqualTo(ContentHash.of(this.original));
	}

	@Test
	void shouldDropStampsInOverridesToo() {
		String weekly = Fixtures.ical("weekly-with-overrides.ics");
		String restamped = weekly.replace("DTSTAMP:20261120T090000Z", "DTSTAMP:20270102T030405Z");
		assertThat(restamped).isNotEqualTo(weekly);

		assertThat(ContentHash.of(restamped)).isEqualTo(ContentHash.of(weekly));
	}

	@Test
	void shouldNotConfuseAPropertyMovedBetweenComponents() {
		String a = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:1\r\n"
				+ "SUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
		String b = "BEGIN:VCALENDAR\r\nSUMMARY:x\r\nBEGIN:VEVENT\r\nUID:1\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:1\r\n"
				+ "END:VEVENT\r\nEND:VCALENDAR\r\n";

		assertThat(ContentHash.of(a)).isNotEqualTo(ContentHash.of(b));
	}

}
