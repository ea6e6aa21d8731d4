package com.wedsync.calsync.sync.plan;

import java.util.List;

import com.wedsync.calsync.ical.EventFields;

/**
 * What to do with one event and one calendar's copy. After the action is applied, both
 * sides hold the same fields and the link's base is set to them (or the link is gone).
 * Switch over it with {@link #accept(Visitor)}: Java 17 has no pattern matching for
 * {@code switch}, a visitor makes the compiler check that every action is handled.
 */
public sealed interface SyncAction {

	<R> R accept(Visitor<R> visitor);

	/** One method per action; implementing it handles every action. */
	interface Visitor<R> {

		R noChange(NoChange action);

		R apply(Apply action);

		R createOnCalendar(CreateOnCalendar action);

		R createOnPlatform(CreateOnPlatform action);

		R deleteOnCalendar(DeleteOnCalendar action);

		R deleteEverywhere(DeleteEverywhere action);

		R recreateOnCalendar(RecreateOnCalendar action);

		R restorePlatform(RestorePlatform action);

		R forget(Forget action);

	}

	/** Base, platform and calendar all hold the same fields. */
	record NoChange() implements SyncAction {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.noChange(this);
		}

	}

	/**
	 * Both sides exist: set the platform and/or the calendar to the merged fields and the
	 * base to them. With both flags false the sides already agree, only the base is
	 * behind.
	 *
	 * @param updatePlatform whether the merged fields differ from the platform's
	 * @param writeCalendar whether the merged fields differ from the calendar's copy
	 * @param conflicts every value the merge discarded, to record
	 */
	record Apply(EventFields merged, boolean updatePlatform, boolean writeCalendar,
			List<Conflict> conflicts) implements SyncAction {

		public Apply {
			conflicts = List.copyOf(conflicts);
		}

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.apply(this);
		}

	}

	/** A platform event this calendar has never held: create it there. */
	record CreateOnCalendar(EventFields fields) implements SyncAction {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.createOnCalendar(this);
		}

	}

	/** An event made on the calendar: create it on the platform and link it. */
	record CreateOnPlatform(EventFields fields) implements SyncAction {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.createOnPlatform(this);
		}

	}

	/**
	 * Deleted on the platform, untouched on the calendar: delete it there, drop the link.
	 */
	record DeleteOnCalendar() implements SyncAction {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.deleteOnCalendar(this);
		}

	}

	/**
	 * Deleted on the calendar, which the kind's policy accepts: delete the platform event
	 * and drop the link. Every other calendar follows on its own plan against the deleted
	 * platform event ({@link DeleteOnCalendar}, or {@link RestorePlatform} where it was
	 * edited meanwhile: an edit beats a delete).
	 */
	record DeleteEverywhere() implements SyncAction {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.deleteEverywhere(this);
		}

	}

	/**
	 * Deleted on the calendar, and the deletion is discarded (the policy reverts it, or
	 * the platform edited the event): create the platform's fields there again.
	 */
	record RecreateOnCalendar(EventFields fields, Conflict conflict) implements SyncAction {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.recreateOnCalendar(this);
		}

	}

	/**
	 * Deleted on the platform but edited on the calendar: the edit wins, the platform
	 * event comes back with the calendar's fields (and goes to the other calendars).
	 */
	record RestorePlatform(EventFields fields, Conflict conflict) implements SyncAction {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.restorePlatform(this);
		}

	}

	/** Deleted on both sides: nothing to write, drop the link. */
	record Forget() implements SyncAction {

		@Override
		public <R> R accept(Visitor<R> visitor) {
			return visitor.forget(this);
		}

	}

}
