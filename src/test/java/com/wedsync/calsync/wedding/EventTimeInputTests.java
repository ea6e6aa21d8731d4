package com.wedsync.calsync.wedding;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import com.wedsync.calsync.ical.EventTiming;
import com.wedsync.calsync.web.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EventTimeInputTests {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Test
	void shouldReadLocalTimesInTheEventsZone() {
		EventTiming timing = EventTimeInput.timing("2026-06-20T15:00", "2026-06-20T16:30", LONDON, false);

		assertThat(timing).isEqualTo(new EventTiming(Instant.parse("2026-06-20T14:00:00Z"),
				Instant.parse("2026-06-20T15:30:00Z"), "Europe/London", false, false));
	}

	@Test
	void shouldReadAllDayDatesAsMidnightUtcWithoutZone() {
		EventTiming timing = EventTimeInput.timing("2026-06-20", "2026-06-21", LONDON, true);

		assertThat(timing).isEqualTo(new EventTiming(Instant.parse("2026-06-20T00:00:00Z"),
				Instant.parse("2026-06-21T00:00:00Z"), null, true, false));
	}

	@Test
	void shouldMoveATimeInTheSpringForwardGapLaterByTheGap() {
		Instant start = EventTimeInput.instant("start", "2026-03-29T01:30", LONDON, false);

		assertThat(start).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
	}

	@Test
	void shouldRefuseAnEndThatIsNotAfterTheStart() {
		InvalidRequestException ex = catchThrowableOfType(InvalidRequestException.class,
				() -> EventTimeInput.timing("2026-06-20T15:00", "2026-06-20T15:00", LONDON, false));

		assertThat(ex.getField()).isEqualTo("end");
	}

	@Test
	void shouldRefuseADateTimeForAnAllDayEventNamingTheField() {
		InvalidRequestException ex = catchThrowableOfType(InvalidRequestException.class,
				() -> EventTimeInput.timing("2026-06-20T10:00", "2026-06-21", LONDON, true));

		assertThat(ex.getField()).isEqualTo("start");
		assertThat(ex.getMessage()).contains("ISO date");
	}

	@Test
	void shouldRefuseUnknownZonesAndOffsets() {
		assertThat(
				catchThrowableOfType(InvalidRequestException.class, () -> EventTimeInput.zone("timeZone", "Mars/Base"))
					.getField())
			.isEqualTo("timeZone");
		assertThat(catchThrowableOfType(InvalidRequestException.class, () -> EventTimeInput.zone("timeZone", "+02:00")))
			.isNotNull();
		assertThat(EventTimeInput.zone("timeZone", "UTC")).isEqualTo(ZoneId.of("UTC"));
	}

	@Test
	void shouldWriteBackWhatItRead() {
		Instant start = EventTimeInput.instant("start", "2026-10-25T01:30", LONDON, false);

		assertThat(EventTimeInput.localText(start, LONDON, false)).isEqualTo("2026-10-25T01:30");
		assertThat(EventTimeInput.recurrenceId("id", "2026-06-20", LONDON, true)).isEqualTo("2026-06-20");
		assertThat(EventTimeInput.recurrenceId("id", "2026-06-20T15:00", LONDON, false))
			.isEqualTo("2026-06-20T14:00:00Z");
	}

}
