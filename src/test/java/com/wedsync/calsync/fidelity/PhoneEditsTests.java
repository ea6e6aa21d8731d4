package com.wedsync.calsync.fidelity;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The phone-side edits the convergence test makes, on text as servers hold it. */
class PhoneEditsTests {

	private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

	private static final String SERIES = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:lessons@x\r\n"
			+ "DTSTART;TZID=Europe/London:20270301T180000\r\nRRULE:FREQ=WEEKLY;COUNT=6\r\nSUMMARY:Dance lesson\r\n"
			+ "LOCATION:Studio\r\nLAST-MODIFIED:20261201T000000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:lessons@x\r\n"
			+ "RECURRENCE-ID:20270308T180000Z\r\nDTSTART:20270309T180000Z\r\nLOCATION:Hall\r\nEND:VEVENT\r\n"
			+ "END:VCALENDAR\r\n";

	@Test
	void shouldReadAndSetTheMastersProperties() {
		assertThat(PhoneEdits.masterValue(SERIES, "RRULE")).hasValue("FREQ=WEEKLY;COUNT=6");
		assertThat(PhoneEdits.masterValue(SERIES, "LOCATION")).hasValue("Studio");
		assertThat(PhoneEdits.masterValue(SERIES, "STATUS")).isEmpty();

		String edited = PhoneEdits.setOnMaster(SERIES, "LOCATION", "Garden", NOW);

		assertThat(PhoneEdits.masterValue(edited, "LOCATION")).hasValue("Garden");
		assertThat(PhoneEdits.masterValue(edited, "LAST-MODIFIED")).hasValue("20261206T100000Z");
		assertThat(edited).contains("RECURRENCE-ID:20270308T180000Z\r\nDTSTART:20270309T180000Z\r\nLOCATION:Hall");
	}

	@Test
	void shouldSplitAsIosDoes() {
		String[] parts = PhoneEdits.split(SERIES, "rest@x", Instant.parse("2027-03-22T18:00:00Z"), 3, NOW);

		assertThat(PhoneEdits.masterValue(parts[0], "RRULE")).hasValue("FREQ=WEEKLY;UNTIL=20270322T175959Z");
		assertThat(parts[1]).contains("UID:rest@x", "DTSTART:20270322T180000Z", "RRULE:FREQ=WEEKLY;COUNT=3",
				"SUMMARY:Dance lesson", "LOCATION:Studio");
	}

	@Test
	void shouldAddAnOverrideOnce() {
		String id = "RECURRENCE-ID;TZID=Europe/London:20270315T180000";
		Instant moving = Instant.parse("2027-03-15T19:00:00Z");
		String moved = PhoneEdits.addOverride(SERIES, "lessons@x", id, moving, "Moved", "Garden", NOW);

		assertThat(moved).contains(id + "\r\nDTSTART:20270315T190000Z");
		assertThat(PhoneEdits.addOverride(moved, "lessons@x", id, moving, "Again", "Hall", NOW)).isEqualTo(moved);
	}

}
