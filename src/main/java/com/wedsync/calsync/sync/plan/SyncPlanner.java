package com.wedsync.calsync.sync.plan;

import java.util.List;

import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.sync.plan.SyncAction.Apply;
import com.wedsync.calsync.sync.plan.SyncAction.CreateOnCalendar;
import com.wedsync.calsync.sync.plan.SyncAction.CreateOnPlatform;
import com.wedsync.calsync.sync.plan.SyncAction.DeleteEverywhere;
import com.wedsync.calsync.sync.plan.SyncAction.DeleteOnCalendar;
import com.wedsync.calsync.sync.plan.SyncAction.Forget;
import com.wedsync.calsync.sync.plan.SyncAction.NoChange;
import com.wedsync.calsync.sync.plan.SyncAction.RecreateOnCalendar;
import com.wedsync.calsync.sync.plan.SyncAction.RestorePlatform;
import org.jspecify.annotations.Nullable;

/**
 * Plans the sync of one event with one calendar's copy: a three-way merge against the
 * base both sides last agreed on, field by field, under the policy of the event's kind. A
 * pure function, like vdirsyncer's planner: the executor does the writes.
 */
public final class SyncPlanner {

	private final ConflictPolicy policy;

	public SyncPlanner(ConflictPolicy policy) {
		if (policy == null) {
			throw new IllegalArgumentException("policy must not be null");
		}
		this.policy = policy;
	}

	/**
	 * @param base the fields both sides last agreed on for this calendar, {@code null}
	 * when the event was never synced with it
	 * @param platform the platform's event
	 * @param calendar the calendar's copy; {@link CalendarSide.Unchanged} needs a base
	 * @return the one action that makes both sides agree
	 */
	public SyncAction plan(@Nullable EventFields base, PlatformSide platform, CalendarSide calendar) {
		if (base == null) {
			return planNew(platform, calendar);
		}
		CalendarSide.Present copy = (calendar instanceof CalendarSide.Unchanged) ? new CalendarSide.Present(base, null)
				: (calendar instanceof CalendarSide.Present present) ? present : null;
		if (platform instanceof PlatformSide.Present event) {
			return (copy != null) ? merge(base, event, copy) : calendarDeleted(base, event);
		}
		if (copy == null) {
			return new Forget();
		}
		if (copy.fields().equals(base)) {
			return new DeleteOnCalendar();
		}
		return new RestorePlatform(copy.fields(),
				Conflict.deletionDiscarded(ConflictRule.EDIT_BEATS_DELETE, copy.fields()));
	}

	/** The calendar's copy, the base when it is unchanged, {@code null} when deleted. */
	private static CalendarSide.@Nullable Present copyOf(EventFields base, CalendarSide calendar) {
		if (calendar instanceof CalendarSide.Unchanged) {
			return new CalendarSide.Present(base, null);
		}
		return (calendar instanceof CalendarSide.Present present) ? present : null;
	}

	private SyncAction planNew(PlatformSide platform, CalendarSide calendar) {
		if (calendar instanceof CalendarSide.Unchanged) {
			throw new IllegalArgumentException("A calendar copy can only be unchanged since a base");
		}
		if (platform instanceof PlatformSide.Present event) {
			if (calendar instanceof CalendarSide.Present copy) {
				return link(event, copy);
			}
			return new CreateOnCalendar(event.fields());
		}
		if (calendar instanceof CalendarSide.Present copy) {
			return new CreateOnPlatform(copy.fields());
		}
		return new NoChange();
	}

	/**
	 * A calendar holds a copy of a platform event it was never linked to (same UID). With
	 * no base there is no telling who changed what: the platform wins every field.
	 */
	private SyncAction link(PlatformSide.Present event, CalendarSide.Present copy) {
		List<Conflict> conflicts = FieldMerge.differences(event.fields(), copy.fields(),
				ConflictRule.PLATFORM_WINS_ON_LINK);
		return new Apply(event.fields(), false, !conflicts.isEmpty(), conflicts);
	}

	private SyncAction calendarDeleted(EventFields base, PlatformSide.Present event) {
		if (!event.fields().equals(base)) {
			return new RecreateOnCalendar(event.fields(),
					Conflict.deletionDiscarded(ConflictRule.EDIT_BEATS_DELETE, event.fields()));
		}
		if (policyOf(event).calendarDeletes() == CalendarDeletes.REVERT) {
			return new RecreateOnCalendar(event.fields(),
					Conflict.deletionDiscarded(ConflictRule.CALENDAR_DELETE_REVERTED, event.fields()));
		}
		return new DeleteEverywhere();
	}

	private SyncAction merge(EventFields base, PlatformSide.Present event, CalendarSide.Present copy) {
		if (event.fields().equals(base) && copy.fields().equals(base)) {
			return new NoChange();
		}
		FieldMerge merge = FieldMerge.of(base, event, copy, policyOf(event));
		EventFields merged = merge.merged();
		return new Apply(merged, !merged.equals(event.fields()), !merged.equals(copy.fields()), merge.conflicts());
	}

	/** The platform's current kind decides, even when the calendar changed the kind. */
	private KindPolicy policyOf(PlatformSide.Present event) {
		return this.policy.forKind(event.fields().kind());
	}

}
