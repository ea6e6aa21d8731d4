package com.wedsync.calsync.sync.plan;

import org.junit.jupiter.api.Test;

import com.wedsync.calsync.ical.EventFields;

import static com.wedsync.calsync.sync.plan.Events.meeting;
import static com.wedsync.calsync.sync.plan.Events.withLocation;
import static com.wedsync.calsync.sync.plan.Events.withSummary;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What propagating a platform event writes to one participant's calendar. A question the
 * decision does not need is never asked (answering it costs a parse or a query): the
 * copies below fail when asked one.
 */
class CalendarWritePlannerTests {

	private static final EventFields PLATFORM = meeting();

	@Test
	void shouldCreateTheEventWhereItShouldShowAndNothingHoldsIt() {
		assertThat(CalendarWritePlanner.plan(PLATFORM, new Copy(true, false, null, false)))
			.isEqualTo(CalendarWrite.CREATE);
	}

	@Test
	void shouldMergeACopyMadeByHandInsteadOfCreatingASecond() {
		assertThat(CalendarWritePlanner.plan(PLATFORM, new Copy(true, false, null, true)))
			.isEqualTo(CalendarWrite.MERGE_UNLINKED_COPY);
	}

	@Test
	void shouldUpdateALinkedCopyBehindThePlatform() {
		assertThat(
				CalendarWritePlanner.plan(PLATFORM, new Copy(true, true, withSummary(PLATFORM, "Tasting (old)"), null)))
			.isEqualTo(CalendarWrite.UPDATE);
	}

	@Test
	void shouldWriteNothingToACopyThatAgrees() {
		assertThat(CalendarWritePlanner.plan(PLATFORM, new Copy(true, true, PLATFORM, null)))
			.isEqualTo(CalendarWrite.NOTHING);
	}

	@Test
	void shouldDeleteTheCopyOfACalendarThatNoLongerShowsTheEvent() {
		assertThat(CalendarWritePlanner.plan(PLATFORM, new Copy(false, true, null, null)))
			.isEqualTo(CalendarWrite.DELETE);
		assertThat(CalendarWritePlanner.plan(PLATFORM, new Copy(false, false, null, null)))
			.isEqualTo(CalendarWrite.NOTHING);
	}

	@Test
	void shouldTellACopyMadeByHandByTitleStartAndPlace() {
		EventFields typed = PLATFORM.toBuilder().description("typed on a phone").url("https://zoom.us/j/1").build();

		assertThat(CalendarWritePlanner.isCopy(PLATFORM, typed)).isTrue();
		assertThat(CalendarWritePlanner.isCopy(PLATFORM, withLocation(PLATFORM, "Elsewhere"))).isFalse();
		assertThat(CalendarWritePlanner.isCopy(PLATFORM, withSummary(PLATFORM, "Another tasting"))).isFalse();
	}

	/**
	 * Answers what it was given; a {@code null} answer is a question that must not come.
	 */
	private record Copy(boolean shows, boolean linked, EventFields base,
			Boolean unlinked) implements CalendarWritePlanner.CalendarCopy {

		@Override
		public EventFields linkedBase() {
			return answer(this.base, "linkedBase");
		}

		@Override
		public boolean holdsUnlinkedCopy() {
			return answer(this.unlinked, "holdsUnlinkedCopy");
		}

		private static <T> T answer(T value, String question) {
			if (value == null) {
				throw new AssertionError(question + " was asked but does not decide");
			}
			return value;
		}

	}

}
