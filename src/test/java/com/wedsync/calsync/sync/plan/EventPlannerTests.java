package com.wedsync.calsync.sync.plan;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.wedsync.calsync.ical.EventField;
import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.ical.EventKind;
import com.wedsync.calsync.sync.plan.EventPlan.CalendarConflict;
import com.wedsync.calsync.sync.plan.EventPlan.CalendarStep;
import com.wedsync.calsync.sync.plan.EventPlan.ChangeOutcome;
import com.wedsync.calsync.sync.plan.EventPlan.ChangeOutcome.Effect;
import com.wedsync.calsync.sync.plan.EventPlan.ChangeOutcome.LinkChange;
import com.wedsync.calsync.sync.plan.EventPlan.PlatformWrite;
import com.wedsync.calsync.sync.plan.EventState.CalendarCopy;
import com.wedsync.calsync.sync.plan.EventState.HandMadeCopy;
import com.wedsync.calsync.sync.plan.EventState.LinkedCopy;
import com.wedsync.calsync.sync.plan.EventState.RemoteChange;

import static com.wedsync.calsync.sync.plan.Events.T0;
import static com.wedsync.calsync.sync.plan.Events.ceremony;
import static com.wedsync.calsync.sync.plan.Events.meeting;
import static com.wedsync.calsync.sync.plan.Events.timing;
import static com.wedsync.calsync.sync.plan.Events.withDescription;
import static com.wedsync.calsync.sync.plan.Events.withKind;
import static com.wedsync.calsync.sync.plan.Events.withLocation;
import static com.wedsync.calsync.sync.plan.Events.withSummary;
import static com.wedsync.calsync.sync.plan.Events.withTiming;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole plan for one wedding event: the platform write, what each merged change
 * leaves, and the one write per calendar, for a planner's, a couple's and a vendor's
 * calendar on three accounts. Pure: no server, no database.
 */
class EventPlannerTests {

	private static final Instant NOW = T0.plusSeconds(3600);

	private static final Instant PHONE_EDIT = T0.plusSeconds(600);

	private static final UUID PLANNER = UUID.fromString("00000000-0000-0000-0000-00000000000a");

	private static final UUID COUPLE = UUID.fromString("00000000-0000-0000-0000-00000000000b");

	private static final UUID VENDOR = UUID.fromString("00000000-0000-0000-0000-00000000000c");

	private static final Set<EventKind> ALL = EnumSet.allOf(EventKind.class);

	private final EventPlanner planner = new EventPlanner(new SyncPlanner(ConflictPolicy.defaults()));

	@Test
	void shouldTakeAPhoneEditToThePlatformAndEveryOtherCalendarButNotBack() {
		EventFields base = meeting();
		EventFields phone = withLocation(base, "The Orangery");

		EventPlan plan = this.planner.plan(state(platform(base), List.of(edit(COUPLE, base, phone)),
				linked(PLANNER, base), linked(COUPLE, base), linked(VENDOR, base)), NOW);

		assertThat(plan.platform()).isEqualTo(new PlatformWrite(PlatformWrite.Kind.UPDATE, phone, null, COUPLE));
		assertThat(plan.result()).isEqualTo(phone);
		assertThat(plan.changes()).containsExactly(new ChangeOutcome(COUPLE, href(COUPLE), Effect.UPDATED,
				LinkChange.AGREE, "\"fetched\"", body(COUPLE, phone)));
		assertThat(plan.conflicts()).isEmpty();
		assertThat(writes(plan)).containsExactly(CalendarWrite.UPDATE, CalendarWrite.NOTHING, CalendarWrite.UPDATE);
		assertThat(plan.calendars().get(0)).isEqualTo(
				new CalendarStep(PLANNER, CalendarWrite.UPDATE, href(PLANNER), "\"agreed\"", body(PLANNER, base)));
	}

	@Test
	void shouldPutACeremonyTimeChangedOnAPhoneBackOnThatPhoneOnlyAndRecordIt() {
		EventFields base = ceremony();
		EventFields phone = withTiming(base, timing("2027-06-12T15:00:00Z", "2027-06-12T16:00:00Z"));

		EventPlan plan = this.planner.plan(
				state(platform(base), List.of(edit(COUPLE, base, phone)), linked(PLANNER, base), linked(COUPLE, base)),
				NOW);

		assertThat(plan.platform().kind()).isEqualTo(PlatformWrite.Kind.NONE);
		assertThat(plan.result()).isEqualTo(base);
		assertThat(plan.conflicts()).extracting(CalendarConflict::calendarId).containsExactly(COUPLE);
		assertThat(plan.conflicts().get(0).conflict().field()).isEqualTo(EventField.TIMING);
		assertThat(plan.conflicts().get(0).conflict().rule()).isEqualTo(ConflictRule.PLATFORM_AUTHORITATIVE);
		// the phone's copy is written over under the ETag it was fetched with, keeping
		// what the phone added (its text is the template)
		assertThat(plan.calendars()).containsExactly(new CalendarStep(PLANNER, CalendarWrite.NOTHING, null, null, null),
				new CalendarStep(COUPLE, CalendarWrite.UPDATE, href(COUPLE), "\"fetched\"", body(COUPLE, phone)));
	}

	@Test
	void shouldMergeChangesOfTwoCalendarsInOrderAndWriteEachTheOthersEdit() {
		EventFields base = meeting();
		EventFields couple = withLocation(base, "The Orangery");
		EventFields vendor = withDescription(base, "Bring the menu");

		EventPlan plan = this.planner
			.plan(state(platform(base), List.of(edit(COUPLE, base, couple), edit(VENDOR, base, vendor)),
					linked(PLANNER, base), linked(COUPLE, base), linked(VENDOR, base)), NOW);

		EventFields both = withDescription(couple, "Bring the menu");
		assertThat(plan.platform()).isEqualTo(new PlatformWrite(PlatformWrite.Kind.UPDATE, both, null, VENDOR));
		assertThat(plan.changes()).extracting(ChangeOutcome::effect).containsExactly(Effect.UPDATED, Effect.UPDATED);
		assertThat(writes(plan)).containsExactly(CalendarWrite.UPDATE, CalendarWrite.UPDATE, CalendarWrite.UPDATE);
		assertThat(plan.calendars().get(1).etag()).isEqualTo("\"fetched\"");
	}

	@Test
	void shouldDeleteEverywhereAMeetingDeletedOnAPhone() {
		EventFields base = meeting();

		EventPlan plan = this.planner.plan(
				state(platform(base), List.of(deletion(COUPLE, base)), linked(PLANNER, base), linked(COUPLE, base)),
				NOW);

		assertThat(plan.platform()).isEqualTo(new PlatformWrite(PlatformWrite.Kind.DELETE, null, null, COUPLE));
		assertThat(plan.result()).isNull();
		assertThat(plan.changes()).extracting(ChangeOutcome::effect, ChangeOutcome::link)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Effect.DELETED, LinkChange.DROP));
		assertThat(plan.calendars()).containsExactly(
				new CalendarStep(PLANNER, CalendarWrite.DELETE, href(PLANNER), "\"agreed\"", body(PLANNER, base)),
				new CalendarStep(COUPLE, CalendarWrite.NOTHING, null, null, null));
	}

	@Test
	void shouldCreateACeremonyDeletedOnAPhoneAgainUnderItsNameFromItsLastCopy() {
		EventFields base = ceremony();

		EventPlan plan = this.planner.plan(
				state(platform(base), List.of(deletion(COUPLE, base)), linked(PLANNER, base), linked(COUPLE, base)),
				NOW);

		assertThat(plan.platform().kind()).isEqualTo(PlatformWrite.Kind.NONE);
		assertThat(plan.conflicts()).extracting((c) -> c.conflict().rule())
			.containsExactly(ConflictRule.CALENDAR_DELETE_REVERTED);
		assertThat(plan.calendars()).containsExactly(new CalendarStep(PLANNER, CalendarWrite.NOTHING, null, null, null),
				new CalendarStep(COUPLE, CalendarWrite.CREATE, href(COUPLE), null, body(COUPLE, base)));
	}

	@Test
	void shouldBringBackAnEventDeletedOnThePlatformButEditedOnAPhone() {
		EventFields base = meeting();
		EventFields phone = withSummary(base, "Tasting, moved to the terrace");

		EventPlan plan = this.planner.plan(state(deleted(base), List.of(edit(COUPLE, base, phone)),
				participant(PLANNER, ALL), linked(COUPLE, base)), NOW);

		assertThat(plan.platform()).isEqualTo(new PlatformWrite(PlatformWrite.Kind.RESTORE, phone, null, COUPLE));
		assertThat(plan.conflicts()).extracting((c) -> c.conflict().rule())
			.containsExactly(ConflictRule.EDIT_BEATS_DELETE);
		assertThat(writes(plan)).containsExactly(CalendarWrite.CREATE, CalendarWrite.NOTHING);
	}

	@Test
	void shouldDeleteOnEveryCalendarWhatThePlatformDeleted() {
		EventFields base = meeting();

		EventPlan plan = this.planner.plan(
				state(deleted(base), List.of(), linked(PLANNER, base), linked(COUPLE, base), participant(VENDOR, ALL)),
				NOW);

		assertThat(plan.platform().kind()).isEqualTo(PlatformWrite.Kind.NONE);
		assertThat(writes(plan)).containsExactly(CalendarWrite.DELETE, CalendarWrite.DELETE, CalendarWrite.NOTHING);
	}

	@Test
	void shouldCreateAnEventMadeOnAPhoneOnThePlatformAndOnCalendarsThatShowItsKind() {
		EventFields phone = meeting();
		RemoteChange made = new RemoteChange(COUPLE, href(COUPLE), null, phone, PHONE_EDIT, "\"fetched\"",
				body(COUPLE, phone), null);

		EventPlan plan = this.planner.plan(state(null, List.of(made), participant(PLANNER, ALL),
				participant(COUPLE, ALL), participant(VENDOR, EnumSet.of(EventKind.CEREMONY))), NOW);

		assertThat(plan.platform())
			.isEqualTo(new PlatformWrite(PlatformWrite.Kind.CREATE, phone, body(COUPLE, phone), COUPLE));
		assertThat(plan.changes()).extracting(ChangeOutcome::effect, ChangeOutcome::link)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Effect.CREATED, LinkChange.AGREE));
		assertThat(writes(plan)).containsExactly(CalendarWrite.CREATE, CalendarWrite.NOTHING, CalendarWrite.NOTHING);
	}

	@Test
	void shouldMoveAnEventToTheCalendarsThatShowItsNewKind() {
		EventFields base = meeting();
		EventFields platform = withKind(base, EventKind.CEREMONY);

		EventPlan plan = this.planner
			.plan(state(platform(platform), List.of(), linked(PLANNER, base, EnumSet.of(EventKind.MEETING)),
					participant(VENDOR, EnumSet.of(EventKind.CEREMONY))), NOW);

		assertThat(writes(plan)).containsExactly(CalendarWrite.DELETE, CalendarWrite.CREATE);
	}

	@Test
	void shouldLeaveACalendarThatCannotBeWrittenNowOutOfThePlan() {
		EventFields base = meeting();
		EventFields platform = withSummary(base, "Tasting (final)");
		CalendarCopy paused = new CalendarCopy(VENDOR, ALL, false, linkedCopy(VENDOR, base), List::of);

		EventPlan plan = this.planner.plan(state(platform(platform), List.of(), linked(PLANNER, base), paused), NOW);

		assertThat(plan.calendars()).extracting(CalendarStep::calendarId).containsExactly(PLANNER);
	}

	@Test
	void shouldMergeAReadOnlyCalendarsEditButWithholdTheWritesItWouldGet() {
		EventFields base = meeting();
		EventFields shared = withLocation(base, "The Orangery");
		CalendarCopy readOnly = new CalendarCopy(VENDOR, ALL, true, linkedCopy(VENDOR, base),
				EventPlannerTests::neverAsked, true);
		CalendarCopy readOnlyNew = new CalendarCopy(COUPLE, ALL, true, null, List::of, true);

		EventPlan plan = this.planner.plan(state(platform(base), List.of(edit(VENDOR, base, shared)),
				linked(PLANNER, base), readOnly, readOnlyNew), NOW);

		// its own edit comes in and goes to the planner; the event it lacks is not
		// created
		assertThat(plan.platform().kind()).isEqualTo(PlatformWrite.Kind.UPDATE);
		assertThat(plan.calendars()).containsExactly(
				new CalendarStep(PLANNER, CalendarWrite.UPDATE, href(PLANNER), "\"agreed\"", body(PLANNER, base)),
				new CalendarStep(VENDOR, CalendarWrite.NOTHING, null, null, null));
		assertThat(plan.withheld()).containsExactly(new CalendarStep(COUPLE, CalendarWrite.CREATE, null, null, null));
	}

	@Test
	void shouldWithholdAPlatformEditAndADeleteFromAReadOnlyCalendar() {
		EventFields base = meeting();
		CalendarCopy readOnly = new CalendarCopy(VENDOR, ALL, true, linkedCopy(VENDOR, base),
				EventPlannerTests::neverAsked, true);

		EventPlan edited = this.planner.plan(
				state(platform(withSummary(base, "Tasting (final)")), List.of(), linked(PLANNER, base), readOnly), NOW);
		EventPlan deleted = this.planner.plan(state(deleted(base), List.of(), linked(PLANNER, base), readOnly), NOW);

		assertThat(writes(edited)).containsExactly(CalendarWrite.UPDATE);
		assertThat(edited.withheld()).extracting(CalendarStep::calendarId, CalendarStep::write)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(VENDOR, CalendarWrite.UPDATE));
		assertThat(writes(deleted)).containsExactly(CalendarWrite.DELETE);
		assertThat(deleted.withheld()).extracting(CalendarStep::calendarId, CalendarStep::write)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(VENDOR, CalendarWrite.DELETE));
	}

	@Test
	void shouldMergeACopyMadeByHandRatherThanCreateASecondAndAskOnlyWhereItWouldCreate() {
		EventFields platform = meeting();
		URI typed = URI.create("https://dav.example/couple/typed-on-phone.ics");
		List<UUID> asked = new ArrayList<>();
		CalendarCopy couple = new CalendarCopy(COUPLE, ALL, true, null, () -> {
			asked.add(COUPLE);
			return List.of(
					new HandMadeCopy(URI.create("https://dav.example/couple/other.ics"),
							withSummary(platform, "Something else")),
					new HandMadeCopy(typed, withDescription(platform, "typed")));
		});
		CalendarCopy planner = new CalendarCopy(PLANNER, ALL, true, linkedCopy(PLANNER, platform), () -> {
			asked.add(PLANNER);
			return List.of();
		});

		EventPlan plan = this.planner.plan(state(platform(platform), List.of(), planner, couple), NOW);

		assertThat(plan.calendars()).containsExactly(new CalendarStep(PLANNER, CalendarWrite.NOTHING, null, null, null),
				new CalendarStep(COUPLE, CalendarWrite.MERGE_UNLINKED_COPY, typed, null, null));
		assertThat(asked).containsExactly(COUPLE);
	}

	@Test
	void shouldWriteNothingAnywhereWhenEveryCopyAgrees() {
		EventFields base = meeting();

		EventPlan plan = this.planner
			.plan(state(platform(base), List.of(), linked(PLANNER, base), linked(COUPLE, base)), NOW);

		assertThat(plan.writesNothing()).isTrue();
	}

	@Test
	void shouldJudgeALaterChangeAgainstThePlatformAsTheEarlierMergeLeftIt() {
		EventFields base = meeting();
		EventFields couple = withLocation(base, "The Orangery");
		EventFields vendor = withLocation(base, "The Boathouse");

		// both edited the place; the platform's fields changed at the first merge (now),
		// which is later than the vendor's edit: the couple's value stays
		EventPlan plan = this.planner
			.plan(state(platform(base), List.of(edit(COUPLE, base, couple), edit(VENDOR, base, vendor)),
					linked(COUPLE, base), linked(VENDOR, base)), NOW);

		assertThat(plan.result()).isEqualTo(couple);
		assertThat(plan.conflicts()).extracting(CalendarConflict::calendarId, (c) -> c.conflict().rule())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(VENDOR, ConflictRule.LATER_EDIT_WINS));
		assertThat(writes(plan)).containsExactly(CalendarWrite.NOTHING, CalendarWrite.UPDATE);
	}

	private static List<CalendarWrite> writes(EventPlan plan) {
		return plan.calendars().stream().map(CalendarStep::write).toList();
	}

	private static EventState state(EventState.Platform platform, List<RemoteChange> changes,
			CalendarCopy... calendars) {
		return new EventState(platform, changes, List.of(calendars));
	}

	private static EventState.Platform platform(EventFields fields) {
		return new EventState.Platform(fields, T0, false, 3);
	}

	private static EventState.Platform deleted(EventFields fields) {
		return new EventState.Platform(fields, T0.plusSeconds(60), true, 4);
	}

	private static RemoteChange edit(UUID calendarId, EventFields base, EventFields remote) {
		return new RemoteChange(calendarId, href(calendarId), base, remote, PHONE_EDIT, "\"fetched\"",
				body(calendarId, remote), body(calendarId, base));
	}

	private static RemoteChange deletion(UUID calendarId, EventFields base) {
		return new RemoteChange(calendarId, href(calendarId), base, null, null, null, null, body(calendarId, base));
	}

	private static CalendarCopy linked(UUID calendarId, EventFields base) {
		return linked(calendarId, base, ALL);
	}

	private static CalendarCopy linked(UUID calendarId, EventFields base, Set<EventKind> shows) {
		return new CalendarCopy(calendarId, shows, true, linkedCopy(calendarId, base), EventPlannerTests::neverAsked);
	}

	private static CalendarCopy participant(UUID calendarId, Set<EventKind> shows) {
		return new CalendarCopy(calendarId, shows, true, null, List::of);
	}

	private static LinkedCopy linkedCopy(UUID calendarId, EventFields base) {
		return new LinkedCopy(href(calendarId), "\"agreed\"", body(calendarId, base), base);
	}

	private static List<HandMadeCopy> neverAsked() {
		throw new AssertionError("a calendar linked to the event was asked for copies made by hand");
	}

	private static URI href(UUID calendarId) {
		return URI.create("https://dav.example/" + calendarId + "/event.ics");
	}

	// Stands for the calendar's text of those fields: the planner only carries it.
	private static String body(UUID calendarId, EventFields fields) {
		return "BEGIN:VCALENDAR " + calendarId + " " + fields.summary() + " @ " + fields.location() + " "
				+ fields.description() + " " + fields.timing().start() + " END:VCALENDAR";
	}

}
