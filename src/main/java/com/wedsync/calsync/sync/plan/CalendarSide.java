package com.wedsync.calsync.sync.plan;

import java.time.Instant;

import com.wedsync.calsync.ical.EventFields;
import org.jspecify.annotations.Nullable;

/** One calendar's copy of the event as the planner sees it. */
public sealed interface CalendarSide permits CalendarSide.Present, CalendarSide.Absent, CalendarSide.Unchanged {

	static CalendarSide present(EventFields fields, @Nullable Instant lastModified) {
		return new Present(fields, lastModified);
	}

	static CalendarSide absent() {
		return new Absent();
	}

	static CalendarSide unchanged() {
		return new Unchanged();
	}

	/**
	 * The calendar holds a copy, read from the server.
	 *
	 * @param lastModified its LAST-MODIFIED, {@code null} when the server gave none
	 */
	record Present(EventFields fields, @Nullable Instant lastModified) implements CalendarSide {

		public Present {
			if (fields == null) {
				throw new IllegalArgumentException("fields must not be null");
			}
		}

	}

	/** The calendar's copy was deleted, or the calendar never had one. */
	record Absent() implements CalendarSide {

	}

	/**
	 * The copy is the one last synced: its ETag or content hash did not change, so it was
	 * not fetched. Only meaningful with a base.
	 */
	record Unchanged() implements CalendarSide {

	}

}
