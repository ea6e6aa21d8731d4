package com.wedsync.calsync.sync.plan;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.ical.EventKind;
import org.jspecify.annotations.Nullable;

/**
 * Everything {@link EventPlanner} needs to know of one wedding event, read before
 * planning: the platform's event, the remote changes staged for it, and every calendar
 * that shows it or holds a copy, on any account.
 *
 * @param platform the platform's event, {@code null} for one made in a calendar
 * @param changes the remote changes to merge, in the order they are merged
 * @param calendars every calendar of the wedding that shows the event's kinds, and every
 * calendar linked to the event
 */
public record EventState(@Nullable Platform platform, List<RemoteChange> changes, List<CalendarCopy> calendars) {

	public EventState {
		changes = List.copyOf(changes);
		calendars = List.copyOf(calendars);
	}

	/**
	 * The platform's event.
	 *
	 * @param version what a platform write is conditional on: the plan is void once the
	 * event moved past it
	 */
	public record Platform(EventFields fields, Instant updatedAt, boolean deleted, long version) {
	}

	/**
	 * One remote change of the event in one calendar.
	 *
	 * @param base the fields this calendar's copy and the platform last agreed on,
	 * {@code null} when the calendar's resource was never linked to the event
	 * @param remote the copy fetched, {@code null} when it is gone
	 * @param etag the fetched copy's ETag ({@code null} when gone or untold)
	 * @param body the fetched copy's text ({@code null} when gone)
	 * @param baseBody the text both last agreed on ({@code null} without a base)
	 */
	public record RemoteChange(UUID calendarId, URI href, @Nullable EventFields base, @Nullable EventFields remote,
			@Nullable Instant lastModified, @Nullable String etag, @Nullable String body, @Nullable String baseBody) {

		CalendarSide side() {
			return (this.remote != null) ? CalendarSide.present(this.remote, this.lastModified) : CalendarSide.absent();
		}

	}

	/**
	 * A calendar that shows the event or holds a copy of it, as stored before this plan.
	 *
	 * @param shows the kinds the calendar takes part in the wedding for (empty: it holds
	 * a copy but no longer shows the event)
	 * @param writable synced (not guarded or removed) and its account active; a calendar
	 * that is not keeps its outbox row until it is
	 * @param linked its linked copy, {@code null} when it holds none
	 * @param handMadeCopies copies made by hand in the calendar that no event is linked
	 * to, asked for only before creating the event there
	 * @param readOnly the account may not write it: its changes are merged, the writes it
	 * would get are withheld
	 */
	public record CalendarCopy(UUID calendarId, Set<EventKind> shows, boolean writable, @Nullable LinkedCopy linked,
			Supplier<List<HandMadeCopy>> handMadeCopies, boolean readOnly) {

		public CalendarCopy {
			shows = Set.copyOf(shows);
		}

		/** A calendar the account may write. */
		public CalendarCopy(UUID calendarId, Set<EventKind> shows, boolean writable, @Nullable LinkedCopy linked,
				Supplier<List<HandMadeCopy>> handMadeCopies) {
			this(calendarId, shows, writable, linked, handMadeCopies, false);
		}

	}

	/** The copy a calendar holds of the event, as last written or agreed. */
	public record LinkedCopy(URI href, @Nullable String etag, String body, EventFields base) {
	}

	/** An event in a calendar, linked to none, that may be a copy of the platform's. */
	public record HandMadeCopy(URI href, EventFields fields) {
	}

}
