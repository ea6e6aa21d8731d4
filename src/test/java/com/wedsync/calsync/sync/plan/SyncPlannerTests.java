package com.wedsync.calsync.sync.plan;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.wedsync.calsync.ical.EventField;
import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.ical.EventKind;
import com.wedsync.calsync.ical.EventOverride;
import com.wedsync.calsync.ical.EventTiming;
import com.wedsync.calsync.sync.plan.SyncAction.Apply;
import com.wedsync.calsync.sync.plan.SyncAction.CreateOnCalendar;
import com.wedsync.calsync.sync.plan.SyncAction.CreateOnPlatform;
import com.wedsync.calsync.sync.plan.SyncAction.DeleteEverywhere;
import com.wedsync.calsync.sync.plan.SyncAction.DeleteOnCalendar;
import com.wedsync.calsync.sync.plan.SyncAction.Forget;
import com.wedsync.calsync.sync.plan.SyncAction.NoChange;
import com.wedsync.calsync.sync.plan.SyncAction.RecreateOnCalendar;
import com.wedsync.calsync.sync.plan.SyncAction.RestorePlatform;
import org.junit.jupiter.api.Test;

import static com.wedsync.calsync.sync.plan.Events.T0;
import static com.wedsync.calsync.sync.plan.Events.ceremony;
import static com.wedsync.calsync.sync.plan.Events.meeting;
import static com.wedsync.calsync.sync.plan.Events.timing;
import static com.wedsync.calsync.sync.plan.Events.weeklyMeeting;
import static com.wedsync.calsync.sync.plan.Events.withDescription;
import static com.wedsync.calsync.sync.plan.Events.withKind;
import static com.wedsync.calsync.sync.plan.Events.withLocation;
import static com.wedsync.calsync.sync.plan.Events.withOverrides;
import static com.wedsync.calsync.sync.plan.Events.withSummary;
import static com.wedsync.calsync.sync.plan.Events.withTiming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class SyncPlannerTests {

	private static final Instant EARLIER = T0.plusSeconds(60);

	private static final Instant LATER = T0.plusSeconds(120);

	private static final EventTiming HALF_PAST = timing("2027-06-12T13:30:00Z", "2027-06-12T14:30:00Z");

	private final SyncPlanner planner = new SyncPlanner(ConflictPolicy.defaults());

	// Edits on one side

	@Test
	void shouldRevertCeremonyTimeEditedOnPhone() {
		EventFields base = ceremony();
		EventFields phone = withTiming(base, HALF_PAST);

		SyncAction action = plan(base, base, T0, phone, LATER);

		assertThat(action).isEqualTo(new Apply(base, false, true, List.of(new Conflict(EventField.TIMING,
				ConflictRule.PLATFORM_AUTHORITATIVE, base.timing().toString(), HALF_PAST.toString()))));
	}

	@Test
	void shouldUpdatePlatformWithMeetingSummaryEditedOnPhone() {
		EventFields base = meeting();
		EventFields phone = withSummary(base, "Tasting, moved upstairs");

		assertThat(plan(base, base, T0, phone, LATER)).isEqualTo(new Apply(phone, true, false, List.of()));
	}

	@Test
	void shouldAcceptCeremonyDescriptionEditedOnPhone() {
		EventFields base = ceremony();
		EventFields phone = withDescription(base, "Bring the rings and the vows");

		assertThat(plan(base, base, T0, phone, LATER)).isEqualTo(new Apply(phone, true, false, List.of()));
	}

	@Test
	void shouldWriteCalendarOnlyForAPlatformEdit() {
		EventFields base = meeting();
		EventFields platform = withLocation(base, "The Ivy");

		assertThat(this.planner.plan(base, PlatformSide.present(platform, LATER), CalendarSide.unchanged()))
			.isEqualTo(new Apply(platform, false, true, List.of()));
	}

	@Test
	void shouldKeepBothWhenEachSideChangedADifferentField() {
		EventFields base = meeting();
		EventFields platform = withLocation(base, "The Ivy");
		EventFields phone = withSummary(base, "Final tasting");

		assertThat(plan(base, platform, LATER, phone, EARLIER))
			.isEqualTo(new Apply(withSummary(platform, "Final tasting"), true, true, List.of()));
	}

	@Test
	void shouldKeepAnOccurrenceDeletedOnAPhoneAndASeriesRenamedOnThePlatform() {
		EventFields base = weeklyMeeting();
		EventFields platform = withSummary(base, "Planning call (new agenda)");
		EventFields phone = base.toBuilder().exclusions(List.of("2027-02-15T17:00:00Z")).build();

		assertThat(plan(base, platform, LATER, phone, EARLIER)).isEqualTo(new Apply(
				platform.toBuilder().exclusions(List.of("2027-02-15T17:00:00Z")).build(), true, true, List.of()));
	}

	@Test
	void shouldRevertACeremonyCancelledOnAPhone() {
		EventFields base = ceremony();
		EventFields phone = base.toBuilder().status("CANCELLED").build();

		assertThat(plan(base, base, T0, phone, LATER)).isEqualTo(new Apply(base, false, true,
				List.of(new Conflict(EventField.STATUS, ConflictRule.PLATFORM_AUTHORITATIVE, null, "CANCELLED"))));
	}

	@Test
	void shouldTakeAMeetingsVideoLinkAndShowAsFreeFromAPhone() {
		EventFields base = meeting();
		EventFields phone = base.toBuilder().url("https://zoom.us/j/1").transparency("TRANSPARENT").build();

		assertThat(plan(base, base, T0, phone, LATER)).isEqualTo(new Apply(phone, true, false, List.of()));
	}

	// The same field changed on both sides

	@Test
	void shouldTakeTheLaterCalendarEditOfTheSameField() {
		EventFields base = meeting();
		EventFields platform = withSummary(base, "Tasting (platform)");
		EventFields phone = withSummary(base, "Tasting (phone)");

		assertThat(plan(base, platform, EARLIER, phone, LATER))
			.isEqualTo(new Apply(phone, true, false, List.of(new Conflict(EventField.SUMMARY,
					ConflictRule.LATER_EDIT_WINS, "Tasting (phone)", "Tasting (platform)"))));
	}

	@Test
	void shouldKeepTheLaterPlatformEditOfTheSameField() {
		EventFields base = meeting();
		EventFields platform = withSummary(base, "Tasting (platform)");
		EventFields phone = withSummary(base, "Tasting (phone)");

		assertThat(plan(base, platform, LATER, phone, EARLIER))
			.isEqualTo(new Apply(platform, false, true, List.of(new Conflict(EventField.SUMMARY,
					ConflictRule.LATER_EDIT_WINS, "Tasting (platform)", "Tasting (phone)"))));
	}

	@Test
	void shouldGiveATieToThePlatform() {
		EventFields base = meeting();
		EventFields platform = withSummary(base, "Tasting (platform)");
		EventFields phone = withSummary(base, "Tasting (phone)");

		assertThat(plan(base, platform, LATER, phone, LATER))
			.isEqualTo(new Apply(platform, false, true, List.of(new Conflict(EventField.SUMMARY,
					ConflictRule.TIE_TO_PLATFORM, "Tasting (platform)", "Tasting (phone)"))));
	}

	@Test
	void shouldGiveTheFieldToThePlatformWhenTheCalendarHasNoLastModified() {
		EventFields base = meeting();
		EventFields platform = withSummary(base, "Tasting (platform)");
		EventFields phone = withSummary(base, "Tasting (phone)");

		assertThat(plan(base, platform, EARLIER, phone, null))
			.isEqualTo(new Apply(platform, false, true, List.of(new Conflict(EventField.SUMMARY,
					ConflictRule.TIE_TO_PLATFORM, "Tasting (platform)", "Tasting (phone)"))));
	}

	@Test
	void shouldKeepThePlatformValueOfAnAuthoritativeFieldEvenAgainstALaterEdit() {
		EventFields base = ceremony();
		EventFields platform = withTiming(base, timing("2027-06-12T12:00:00Z", "2027-06-12T13:00:00Z"));
		EventFields phone = withTiming(base, HALF_PAST);

		assertThat(plan(base, platform, EARLIER, phone, LATER))
			.isEqualTo(new Apply(platform, false, true, List.of(new Conflict(EventField.TIMING,
					ConflictRule.PLATFORM_AUTHORITATIVE, platform.timing().toString(), HALF_PAST.toString()))));
	}

	@Test
	void shouldOnlyRefreshTheBaseWhenBothSidesMadeTheSameEdit() {
		EventFields base = meeting();
		EventFields both = withSummary(base, "Final tasting");

		assertThat(plan(base, both, EARLIER, both, LATER)).isEqualTo(new Apply(both, false, false, List.of()));
	}

	// Kinds

	@Test
	void shouldDecideByThePlatformsKindWhenThePhoneChangedTheKind() {
		EventFields base = ceremony();
		EventFields phone = withTiming(withKind(base, EventKind.MEETING), HALF_PAST);

		Apply action = (Apply) plan(base, base, T0, phone, LATER);

		assertThat(action.merged()).isEqualTo(withKind(base, EventKind.MEETING));
		assertThat(action.conflicts()).extracting(Conflict::field, Conflict::rule)
			.containsExactly(tuple(EventField.TIMING, ConflictRule.PLATFORM_AUTHORITATIVE));
	}

	@Test
	void shouldDecideByThePlatformsNewKindWhenThePlatformMadeItACeremony() {
		EventFields base = meeting();
		EventFields platform = withKind(base, EventKind.CEREMONY);
		EventFields phone = withTiming(base, HALF_PAST);

		Apply action = (Apply) plan(base, platform, EARLIER, phone, LATER);

		assertThat(action.merged()).isEqualTo(platform);
		assertThat(action.writeCalendar()).isTrue();
		assertThat(action.updatePlatform()).isFalse();
		assertThat(action.conflicts()).singleElement()
			.extracting(Conflict::rule)
			.isEqualTo(ConflictRule.PLATFORM_AUTHORITATIVE);
	}

	// Recurrence

	@Test
	void shouldTakeAnOverrideEditedOnThePhone() {
		EventFields base = weeklyMeeting();
		EventOverride moved = new EventOverride("2027-02-08T17:00:00Z",
				timing("2027-02-08T19:00:00Z", "2027-02-08T19:30:00Z"), "Weekly planning call", null, null, null);
		EventFields phone = withOverrides(base, List.of(moved));
		EventFields platform = withDescription(base, "Agenda in the shared doc");

		Apply action = (Apply) plan(base, platform, EARLIER, phone, LATER);

		assertThat(action.merged().overrides()).containsExactly(moved);
		assertThat(action.merged().description()).isEqualTo("Agenda in the shared doc");
		assertThat(action.updatePlatform()).isTrue();
		assertThat(action.writeCalendar()).isTrue();
		assertThat(action.conflicts()).isEmpty();
	}

	// Deletions

	@Test
	void shouldRecreateACeremonyDeletedOnThePhone() {
		EventFields base = ceremony();

		assertThat(this.planner.plan(base, PlatformSide.present(base, T0), CalendarSide.absent()))
			.isEqualTo(new RecreateOnCalendar(base,
					new Conflict(null, ConflictRule.CALENDAR_DELETE_REVERTED, base.summary(), Conflict.DELETED)));
	}

	@Test
	void shouldDeleteEverywhereAMeetingDeletedOnThePhone() {
		EventFields base = meeting();

		assertThat(this.planner.plan(base, PlatformSide.present(base, T0), CalendarSide.absent()))
			.isEqualTo(new DeleteEverywhere());
	}

	@Test
	void shouldRecreateOnTheCalendarAMeetingDeletedThereButEditedOnThePlatform() {
		EventFields base = meeting();
		EventFields platform = withSummary(base, "Final tasting");

		assertThat(this.planner.plan(base, PlatformSide.present(platform, LATER), CalendarSide.absent()))
			.isEqualTo(new RecreateOnCalendar(platform,
					new Conflict(null, ConflictRule.EDIT_BEATS_DELETE, "Final tasting", Conflict.DELETED)));
	}

	@Test
	void shouldDeleteOnTheCalendarWhatThePlatformDeleted() {
		assertThat(this.planner.plan(meeting(), PlatformSide.absent(), CalendarSide.unchanged()))
			.isEqualTo(new DeleteOnCalendar());
		assertThat(this.planner.plan(ceremony(), PlatformSide.absent(), CalendarSide.present(ceremony(), T0)))
			.isEqualTo(new DeleteOnCalendar());
	}

	@Test
	void shouldRestoreThePlatformEventDeletedThereButEditedOnThePhone() {
		EventFields base = meeting();
		EventFields phone = withSummary(base, "Final tasting");

		assertThat(this.planner.plan(base, PlatformSide.absent(), CalendarSide.present(phone, LATER)))
			.isEqualTo(new RestorePlatform(phone,
					new Conflict(null, ConflictRule.EDIT_BEATS_DELETE, "Final tasting", Conflict.DELETED)));
	}

	@Test
	void shouldForgetTheLinkWhenBothSidesDeleted() {
		assertThat(this.planner.plan(ceremony(), PlatformSide.absent(), CalendarSide.absent())).isEqualTo(new Forget());
	}

	@Test
	void shouldAcceptACeremonyDeletedOnThePhoneWhenConfiguredTo() {
		SyncPlanner accepting = new SyncPlanner(new ConflictPolicyProperties(
				Map.of(EventKind.CEREMONY, new KindPolicyProperties(null, CalendarDeletes.ACCEPT)))
			.toPolicy());

		assertThat(accepting.plan(ceremony(), PlatformSide.present(ceremony(), T0), CalendarSide.absent()))
			.isEqualTo(new DeleteEverywhere());
	}

	// New on one side, and copies

	@Test
	void shouldCreateANewPlatformEventOnTheCalendar() {
		assertThat(this.planner.plan(null, PlatformSide.present(ceremony(), T0), CalendarSide.absent()))
			.isEqualTo(new CreateOnCalendar(ceremony()));
	}

	@Test
	void shouldCreateAnEventMadeOnThePhoneOnThePlatform() {
		assertThat(this.planner.plan(null, PlatformSide.absent(), CalendarSide.present(meeting(), T0)))
			.isEqualTo(new CreateOnPlatform(meeting()));
	}

	@Test
	void shouldLinkACopyWithoutBaseAndRewriteItWhereItDiffers() {
		EventFields platform = meeting();
		EventFields copy = withSummary(platform, "Tasting (copy)");

		assertThat(this.planner.plan(null, PlatformSide.present(platform, EARLIER), CalendarSide.present(copy, LATER)))
			.isEqualTo(new Apply(platform, false, true, List.of(new Conflict(EventField.SUMMARY,
					ConflictRule.PLATFORM_WINS_ON_LINK, platform.summary(), "Tasting (copy)"))));
	}

	@Test
	void shouldLinkAnIdenticalCopyWithoutWriting() {
		assertThat(this.planner.plan(null, PlatformSide.present(meeting(), T0), CalendarSide.present(meeting(), T0)))
			.isEqualTo(new Apply(meeting(), false, false, List.of()));
	}

	@Test
	void shouldRefuseAnUnchangedCopyWithoutBase() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.planner.plan(null, PlatformSide.present(meeting(), T0), CalendarSide.unchanged()));
	}

	// Nothing to do

	@Test
	void shouldReportNoChangeWhenNeitherSideChanged() {
		EventFields base = ceremony();

		assertThat(this.planner.plan(base, PlatformSide.present(base, T0), CalendarSide.unchanged()))
			.isEqualTo(new NoChange());
		assertThat(plan(base, base, T0, ceremony(), LATER)).isEqualTo(new NoChange());
	}

	private SyncAction plan(EventFields base, EventFields platform, Instant platformModified, EventFields calendar,
			Instant calendarModified) {
		return this.planner.plan(base, PlatformSide.present(platform, platformModified),
				CalendarSide.present(calendar, calendarModified));
	}

}
