package com.wedsync.calsync.sync.plan;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.wedsync.calsync.ical.EventFields;

import static com.wedsync.calsync.sync.plan.Events.timing;
import static com.wedsync.calsync.sync.plan.Events.weeklyMeeting;
import static org.assertj.core.api.Assertions.assertThat;

/** iOS's "this and future": the rest of a cut series, told by dates alone. */
class SeriesSplitTests {

	/** Mondays 17:00 UTC from 1 February 2027, cut before 1 March as iOS cuts it. */
	private static final EventFields CUT = weeklyMeeting().toBuilder()
		.recurrenceRule("FREQ=WEEKLY;UNTIL=20270228T235959Z")
		.build();

	@Test
	void shouldTakeASeriesStartingAfterTheCutAsItsRest() {
		assertThat(SeriesSplit.continues(CUT, single("2027-03-01T18:00:00Z"))).isTrue();
		assertThat(SeriesSplit.continues(CUT.toBuilder().recurrenceRule("FREQ=WEEKLY;UNTIL=20270228").build(),
				single("2027-03-01T18:00:00Z")))
			.isTrue();
	}

	@Test
	void shouldNotTakeWhatStartsBeforeTheCutOrLongAfterIt() {
		assertThat(SeriesSplit.continues(CUT, single("2027-02-20T18:00:00Z"))).isFalse();
		assertThat(SeriesSplit.continues(CUT, single("2027-06-01T18:00:00Z"))).isFalse();
	}

	@Test
	void shouldNotTakeAnythingAsTheRestOfASeriesThatWasNotCut() {
		assertThat(SeriesSplit.continues(weeklyMeeting(), single("2027-03-01T18:00:00Z"))).isFalse();
		assertThat(SeriesSplit.continues(weeklyMeeting().toBuilder().recurrenceRule(null).build(),
				single("2027-03-01T18:00:00Z")))
			.isFalse();
	}

	private static EventFields single(String start) {
		return new EventFields(weeklyMeeting().kind(), "Weekly planning call", null, null,
				timing(start, start.replace("T18", "T19")), "FREQ=WEEKLY;COUNT=4", List.of());
	}

}
