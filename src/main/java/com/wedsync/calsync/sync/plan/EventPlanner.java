package com.wedsync.calsync.sync.plan;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.sync.plan.EventPlan.CalendarConflict;
import com.wedsync.calsync.sync.plan.EventPlan.CalendarStep;
import com.wedsync.calsync.sync.plan.EventPlan.ChangeOutcome;
import com.wedsync.calsync.sync.plan.EventPlan.ChangeOutcome.Effect;
import com.wedsync.calsync.sync.plan.EventPlan.ChangeOutcome.LinkChange;
import com.wedsync.calsync.sync.plan.EventPlan.PlatformWrite;
import com.wedsync.calsync.sync.plan.EventState.CalendarCopy;
import com.wedsync.calsync.sync.plan.EventState.LinkedCopy;
import com.wedsync.calsync.sync.plan.EventState.RemoteChange;
import org.jspecify.annotations.Nullable;

/**
 * Plans everything one sync does to one wedding event: a pure function from
 * {@link EventState} (the platform's event, its remote changes, every calendar that shows
 * or holds it) to one {@link EventPlan}.
 * <p>
 * First each remote change is merged with the platform, in order, by {@link SyncPlanner}
 * (three-way, field by field, under the kind's policy); the platform's fields evolve with
 * each merge. Then every writable calendar gets the one write that makes its copy the
 * result ({@link CalendarWritePlanner}), judged from its copy as the merges left it: a
 * calendar whose change was merged holds its fetched copy, the others what was last
 * agreed. A calendar whose copy already is the result is written nothing, so the calendar
 * an edit came from is not written back unless the merge changed it. A read-only
 * calendar's changes are merged like any other's, but the write it would get is withheld:
 * it is synced one way.
 */
public final class EventPlanner {

	private final SyncPlanner planner;

	public EventPlanner(SyncPlanner planner) {
		this.planner = planner;
	}

	/**
	 * @param now when the plan is made: a platform event a merge changes counts as
	 * modified then, for the changes merged after it
	 */
	public EventPlan plan(EventState state, Instant now) {
		Merge merge = new Merge(state, now);
		state.changes().forEach(merge::merge);
		List<CalendarStep> steps = new ArrayList<>();
		List<CalendarStep> withheld = new ArrayList<>();
		for (CalendarCopy calendar : state.calendars()) {
			if (calendar.writable()) {
				CalendarStep step = merge.step(calendar);
				(calendar.readOnly() && writesTheCalendar(step) ? withheld : steps).add(step);
			}
		}
		return new EventPlan(merge.platformWrite(), merge.live ? merge.fields : null, merge.outcomes, merge.conflicts,
				steps, withheld);
	}

	/** The merge of an event's remote changes, one after the other. */
	private final class Merge implements SyncAction.Visitor<ChangeOutcome> {

		private final EventState.@Nullable Platform initial;

		private final Instant now;

		private @Nullable EventFields fields;

		private @Nullable Instant modified;

		private boolean live;

		private @Nullable String createdFrom;

		private @Nullable UUID causedBy;

		/** Each merged calendar's copy afterwards, by calendar. */
		private final Map<UUID, Copy> copies = new HashMap<>();

		private final List<ChangeOutcome> outcomes = new ArrayList<>();

		private final List<CalendarConflict> conflicts = new ArrayList<>();

		private @Nullable RemoteChange change;

		Merge(EventState state, Instant now) {
			this.initial = state.platform();
			this.now = now;
			if (this.initial != null) {
				this.fields = this.initial.fields();
				this.modified = this.initial.updatedAt();
				this.live = !this.initial.deleted();
			}
		}

		void merge(RemoteChange change) {
			this.change = change;
			PlatformSide platform = (this.live && this.fields != null && this.modified != null)
					? PlatformSide.present(this.fields, this.modified) : PlatformSide.absent();
			this.outcomes.add(EventPlanner.this.planner.plan(change.base(), platform, change.side()).accept(this));
		}

		private RemoteChange change() {
			if (this.change == null) {
				throw new IllegalStateException("no change being merged");
			}
			return this.change;
		}

		@Override
		public ChangeOutcome noChange(SyncAction.NoChange action) {
			return (this.live && change().remote() != null) ? agree(Effect.UNCHANGED) : keep(Effect.UNCHANGED);
		}

		@Override
		public ChangeOutcome apply(SyncAction.Apply action) {
			record(action.conflicts());
			if (action.updatePlatform()) {
				platformBecomes(action.merged());
			}
			return agree(action.updatePlatform() ? Effect.UPDATED : Effect.UNCHANGED);
		}

		@Override
		public ChangeOutcome createOnCalendar(SyncAction.CreateOnCalendar action) {
			// A deletion of something this calendar never held: its step creates it.
			return keep(Effect.UNCHANGED);
		}

		@Override
		public ChangeOutcome createOnPlatform(SyncAction.CreateOnPlatform action) {
			platformBecomes(action.fields());
			this.createdFrom = change().body();
			return agree(Effect.CREATED);
		}

		@Override
		public ChangeOutcome deleteOnCalendar(SyncAction.DeleteOnCalendar action) {
			// The copy is as agreed; the calendar's step deletes it.
			return agree(Effect.UNCHANGED);
		}

		@Override
		public ChangeOutcome deleteEverywhere(SyncAction.DeleteEverywhere action) {
			this.live = false;
			this.causedBy = change().calendarId();
			this.copies.put(change().calendarId(), Copy.NONE);
			return outcome(Effect.DELETED, LinkChange.DROP);
		}

		@Override
		public ChangeOutcome recreateOnCalendar(SyncAction.RecreateOnCalendar action) {
			record(List.of(action.conflict()));
			// Under its old name, from its last copy: its alarms and attendees come back.
			this.copies.put(change().calendarId(), Copy.recreate(change().href(), change().baseBody()));
			return keep(Effect.UNCHANGED);
		}

		@Override
		public ChangeOutcome restorePlatform(SyncAction.RestorePlatform action) {
			record(List.of(action.conflict()));
			platformBecomes(action.fields());
			return agree(Effect.UPDATED);
		}

		@Override
		public ChangeOutcome forget(SyncAction.Forget action) {
			this.copies.put(change().calendarId(), Copy.NONE);
			return outcome(Effect.UNCHANGED, LinkChange.DROP);
		}

		private void platformBecomes(EventFields merged) {
			this.fields = merged;
			this.modified = this.now;
			this.live = true;
			this.causedBy = change().calendarId();
		}

		private void record(List<Conflict> decided) {
			decided.forEach((conflict) -> this.conflicts.add(new CalendarConflict(change().calendarId(), conflict)));
		}

		/** The link takes the fetched copy as what both sides agree on. */
		private ChangeOutcome agree(Effect effect) {
			RemoteChange merged = change();
			if (merged.remote() == null || merged.body() == null) {
				throw new IllegalStateException("only a fetched copy can be agreed on");
			}
			this.copies.put(merged.calendarId(),
					Copy.linked(new LinkedCopy(merged.href(), merged.etag(), merged.body(), merged.remote())));
			return outcome(effect, LinkChange.AGREE);
		}

		private ChangeOutcome keep(Effect effect) {
			return outcome(effect, LinkChange.KEEP);
		}

		private ChangeOutcome outcome(Effect effect, LinkChange link) {
			RemoteChange merged = change();
			return new ChangeOutcome(merged.calendarId(), merged.href(), effect, link, merged.etag(), merged.body());
		}

		PlatformWrite platformWrite() {
			EventFields now = this.fields;
			if (this.initial == null) {
				return (this.live && now != null)
						? new PlatformWrite(PlatformWrite.Kind.CREATE, now, this.createdFrom, this.causedBy)
						: PlatformWrite.NONE;
			}
			if (!this.live) {
				return this.initial.deleted() ? PlatformWrite.NONE
						: new PlatformWrite(PlatformWrite.Kind.DELETE, null, null, this.causedBy);
			}
			if (this.initial.deleted()) {
				return new PlatformWrite(PlatformWrite.Kind.RESTORE, now, null, this.causedBy);
			}
			return this.initial.fields().equals(now) ? PlatformWrite.NONE
					: new PlatformWrite(PlatformWrite.Kind.UPDATE, now, null, this.causedBy);
		}

		/** The write that makes one calendar's copy the result. */
		CalendarStep step(CalendarCopy calendar) {
			Copy copy = this.copies.getOrDefault(calendar.calendarId(), Copy.linked(calendar.linked()));
			EventFields result = this.fields;
			boolean shows = this.live && result != null && calendar.shows().contains(result.kind());
			if (copy.recreateAt != null) {
				return shows
						? new CalendarStep(calendar.calendarId(), CalendarWrite.CREATE, copy.recreateAt, null,
								copy.template)
						// the link still names the resource deleted on the phone
						: new CalendarStep(calendar.calendarId(), CalendarWrite.DELETE, copy.recreateAt, null, null);
			}
			LinkedCopy linked = copy.linked;
			Answers answers = new Answers(calendar, shows, linked, result);
			CalendarWrite write = (result != null) ? CalendarWritePlanner.plan(result, answers)
					: (linked != null) ? CalendarWrite.DELETE : CalendarWrite.NOTHING;
			return switch (write) {
				case NOTHING -> new CalendarStep(calendar.calendarId(), write, null, null, null);
				case CREATE -> new CalendarStep(calendar.calendarId(), write, null, null, null);
				case MERGE_UNLINKED_COPY ->
					new CalendarStep(calendar.calendarId(), write, answers.handMadeCopy, null, null);
				case UPDATE, DELETE -> new CalendarStep(calendar.calendarId(), write, required(linked).href(),
						required(linked).etag(), required(linked).body());
			};
		}

	}

	/**
	 * Whether a step sends a write to the calendar. Linking a copy made by hand only
	 * reads it, so a read-only calendar may still do that.
	 */
	private static boolean writesTheCalendar(CalendarStep step) {
		return step.write() != CalendarWrite.NOTHING && step.write() != CalendarWrite.MERGE_UNLINKED_COPY;
	}

	private static LinkedCopy required(@Nullable LinkedCopy linked) {
		if (linked == null) {
			throw new IllegalStateException("a write over a copy needs the copy");
		}
		return linked;
	}

	/** A calendar's copy after the merges: linked, none, or to be created again. */
	private record Copy(@Nullable LinkedCopy linked, @Nullable URI recreateAt, @Nullable String template) {

		static final Copy NONE = new Copy(null, null, null);

		static Copy linked(@Nullable LinkedCopy linked) {
			return new Copy(linked, null, null);
		}

		static Copy recreate(URI href, @Nullable String template) {
			return new Copy(null, href, template);
		}

	}

	/**
	 * What {@link CalendarWritePlanner} asks of one calendar, answered from the state.
	 */
	private static final class Answers implements CalendarWritePlanner.CalendarCopy {

		private final CalendarCopy calendar;

		private final boolean shows;

		private final @Nullable LinkedCopy linked;

		private final @Nullable EventFields result;

		private @Nullable URI handMadeCopy;

		Answers(CalendarCopy calendar, boolean shows, @Nullable LinkedCopy linked, @Nullable EventFields result) {
			this.calendar = calendar;
			this.shows = shows;
			this.linked = linked;
			this.result = result;
		}

		@Override
		public boolean shows() {
			return this.shows;
		}

		@Override
		public boolean linked() {
			return this.linked != null;
		}

		@Override
		public EventFields linkedBase() {
			return required(this.linked).base();
		}

		@Override
		public boolean holdsUnlinkedCopy() {
			EventFields platform = this.result;
			if (platform == null) {
				return false;
			}
			this.handMadeCopy = this.calendar.handMadeCopies()
				.get()
				.stream()
				.filter((copy) -> CalendarWritePlanner.isCopy(platform, copy.fields()))
				.map(EventState.HandMadeCopy::href)
				.findFirst()
				.orElse(null);
			return this.handMadeCopy != null;
		}

	}

}
