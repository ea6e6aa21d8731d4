package com.wedsync.calsync.sync.plan;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.wedsync.calsync.ical.EventFields;
import org.jspecify.annotations.Nullable;

/**
 * Everything one sync does to one wedding event, decided by {@link EventPlanner} before
 * anything is written: the platform write, what each merged remote change leaves in its
 * link and its staging row, the values discarded, and one write per calendar. The
 * executor carries it out in this order: the platform side in one short transaction, then
 * each calendar write with its own record.
 *
 * @param result the platform's fields once the plan is carried out, {@code null} when the
 * event is deleted (or was never created)
 * @param withheld the writes read-only calendars would need to hold the result: not sent,
 * their outbox rows settled, their links left as they are (the calendar's side stale)
 */
public record EventPlan(PlatformWrite platform, @Nullable EventFields result, List<ChangeOutcome> changes,
		List<CalendarConflict> conflicts, List<CalendarStep> calendars, List<CalendarStep> withheld) {

	public EventPlan {
		changes = List.copyOf(changes);
		conflicts = List.copyOf(conflicts);
		calendars = List.copyOf(calendars);
		withheld = List.copyOf(withheld);
	}

	/**
	 * Whether carrying out the plan writes nothing anywhere (withheld writes are not
	 * sent).
	 */
	public boolean writesNothing() {
		return this.platform.kind() == PlatformWrite.Kind.NONE && this.changes.isEmpty() && this.conflicts.isEmpty()
				&& this.calendars.stream().allMatch((step) -> step.write() == CalendarWrite.NOTHING);
	}

	/**
	 * The platform write, conditional on the event's version the plan was made from.
	 *
	 * @param fields the fields written ({@code CREATE}, {@code UPDATE}, {@code RESTORE})
	 * @param body for {@code CREATE}, the calendar's text the event is created from
	 * @param calendarId the calendar whose change caused it ({@code null} for none)
	 */
	public record PlatformWrite(Kind kind, @Nullable EventFields fields, @Nullable String body,
			@Nullable UUID calendarId) {

		static final PlatformWrite NONE = new PlatformWrite(Kind.NONE, null, null, null);

		/** What is written to the platform's event. */
		public enum Kind {

			NONE, CREATE, UPDATE, RESTORE, DELETE

		}

	}

	/**
	 * What merging one remote change left for its calendar.
	 *
	 * @param effect what it did to the platform's event, recorded in its staging row
	 */
	public record ChangeOutcome(UUID calendarId, URI href, Effect effect, LinkChange link, @Nullable String etag,
			@Nullable String body) {

		/** What a remote change did to the platform's event. */
		public enum Effect {

			CREATED, UPDATED, DELETED, UNCHANGED

		}

		/** What happens to the link between the event and the calendar's resource. */
		public enum LinkChange {

			/** Both sides agree on the fetched copy: the link holds it as the base. */
			AGREE,
			/** The resource and the event no longer go together. */
			DROP,
			/** Left as it is (a calendar write that follows replaces it). */
			KEEP

		}

	}

	/** A value discarded when merging a change of {@code calendarId}. */
	public record CalendarConflict(UUID calendarId, Conflict conflict) {
	}

	/**
	 * The one write that brings a calendar in line with {@link #result}.
	 *
	 * @param href the resource written ({@code null} for a create under the event's
	 * name), or for {@link CalendarWrite#MERGE_UNLINKED_COPY} the copy to merge
	 * @param etag the precondition: the ETag the calendar's copy is known by
	 * @param template the calendar's current text, whose unmodelled properties (alarms,
	 * attendees, X- properties) the write keeps
	 */
	public record CalendarStep(UUID calendarId, CalendarWrite write, @Nullable URI href, @Nullable String etag,
			@Nullable String template) {
	}

}
