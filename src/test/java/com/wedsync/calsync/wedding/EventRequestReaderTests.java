package com.wedsync.calsync.wedding;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.wedsync.calsync.ical.EventField;
import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.ical.EventKind;
import com.wedsync.calsync.ical.EventOverride;
import com.wedsync.calsync.ical.EventTiming;
import com.wedsync.calsync.web.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EventRequestReaderTests {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final Wedding WEDDING = new Wedding(UUID.randomUUID(), "acme", "A & B", LocalDate.of(2026, 6, 20),
			"Europe/London", Instant.now(), Instant.now());

	private static final EventFields CEREMONY = new EventFields(EventKind.CEREMONY, "Ceremony", "Chapel", null,
			new EventTiming(Instant.parse("2026-06-20T14:00:00Z"), Instant.parse("2026-06-20T15:00:00Z"),
					"Europe/London", false, false),
			null, List.of());

	@Test
	void shouldTakeTheWeddingsZoneWhenTheEventNamesNone() {
		EventFields fields = EventRequestReader.fieldsToCreate(create("MEETING", null, null), WEDDING);

		assertThat(fields.timing().timeZone()).isEqualTo("Europe/London");
		assertThat(fields.timing().start()).isEqualTo(Instant.parse("2026-06-20T14:00:00Z"));
		assertThat(fields.kind()).isEqualTo(EventKind.MEETING);
	}

	@Test
	void shouldNameTheFieldOfAnUnknownKind() {
		InvalidRequestException ex = catchThrowableOfType(InvalidRequestException.class,
				() -> EventRequestReader.fieldsToCreate(create("PARTY", null, null), WEDDING));

		assertThat(ex.getField()).isEqualTo("kind");
	}

	@Test
	void shouldRefuseOverridesWithoutARule() {
		OverrideRequest override = new OverrideRequest("2026-06-27T15:00", "2026-06-27T16:00", "2026-06-27T17:00", null,
				null, null, null, null);
		InvalidRequestException ex = catchThrowableOfType(InvalidRequestException.class,
				() -> EventRequestReader.fieldsToCreate(create("MEETING", null, List.of(override)), WEDDING));

		assertThat(ex.getField()).isEqualTo("overrides");
	}

	@Test
	void shouldReadOverridesInTheEventsZoneSortedByRecurrenceId() {
		List<OverrideRequest> overrides = List.of(
				new OverrideRequest("2026-07-04T15:00", "2026-07-04T16:00", "2026-07-04T17:00", null, null, null, null,
						true),
				new OverrideRequest("2026-06-27T15:00", "2026-06-27T16:00", "2026-06-27T17:00", "Later", null, null,
						null, null));

		EventFields fields = EventRequestReader.fieldsToCreate(create("MEETING", "FREQ=WEEKLY;COUNT=4", overrides),
				WEDDING);

		assertThat(fields.overrides()).extracting(EventOverride::recurrenceId)
			.containsExactly("2026-06-27T14:00:00Z", "2026-07-04T14:00:00Z");
		assertThat(fields.overrides().get(0).timing().start()).isEqualTo(Instant.parse("2026-06-27T15:00:00Z"));
		assertThat(fields.overrides().get(1).cancelled()).isTrue();
	}

	@Test
	void shouldKeepTheEndsLocalTimeWhenOnlyTheStartChanges() {
		UpdateEventRequest patch = new UpdateEventRequest(null, null, null, null, "2026-06-20T14:30", null, null, null,
				null, null, null, null, null, null, null, null, null);

		EventFields fields = EventRequestReader.fieldsToUpdate(patch, CEREMONY, LONDON);

		assertThat(fields.timing().start()).isEqualTo(Instant.parse("2026-06-20T13:30:00Z"));
		assertThat(fields.timing().end()).isEqualTo(CEREMONY.timing().end());
		assertThat(fields.with(EventField.TIMING, CEREMONY)).isEqualTo(CEREMONY);
	}

	@Test
	void shouldKeepLocalTimesWhenOnlyTheZoneChanges() {
		UpdateEventRequest patch = new UpdateEventRequest(null, null, null, null, null, null, "America/New_York", null,
				null, null, null, null, null, null, null, null, null);

		EventFields fields = EventRequestReader.fieldsToUpdate(patch, CEREMONY, LONDON);

		assertThat(fields.timing().timeZone()).isEqualTo("America/New_York");
		assertThat(fields.timing().start()).isEqualTo(Instant.parse("2026-06-20T19:00:00Z"));
	}

	@Test
	void shouldClearWithEmptyTextAndRefuseABlankSummary() {
		UpdateEventRequest clear = new UpdateEventRequest(null, null, "", null, null, null, null, null, null, null,
				null, null, null, null, null, null, null);
		assertThat(EventRequestReader.fieldsToUpdate(clear, CEREMONY, LONDON).location()).isNull();

		UpdateEventRequest blank = new UpdateEventRequest(null, " ", null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null);
		assertThat(catchThrowableOfType(InvalidRequestException.class,
				() -> EventRequestReader.fieldsToUpdate(blank, CEREMONY, LONDON))
			.getField()).isEqualTo("summary");
	}

	@Test
	void shouldRequireBothTimesWhenAllDayChanges() {
		UpdateEventRequest patch = new UpdateEventRequest(null, null, null, null, "2026-06-20", null, null, true, null,
				null, null, null, null, null, null, null, null);

		assertThat(catchThrowableOfType(InvalidRequestException.class,
				() -> EventRequestReader.fieldsToUpdate(patch, CEREMONY, LONDON))
			.getField()).isEqualTo("end");
	}

	private static CreateEventRequest create(String kind, String rule, List<OverrideRequest> overrides) {
		return new CreateEventRequest(kind, "Planning call", null, null, "2026-06-20T15:00", "2026-06-20T16:00", null,
				null, rule, overrides, null, null, null, null, null, null, null);
	}

}
