package com.wedsync.calsync.sync.plan;

import java.util.Objects;

import com.wedsync.calsync.ical.EventFields;

/**
 * Decides what a platform event's propagation writes to one calendar, from what is known
 * of that calendar's copy. Pure: the caller answers the questions (each asked only when
 * the answer matters, so costly ones are not paid for) and executes the result.
 */
public final class CalendarWritePlanner {

	private CalendarWritePlanner() {
	}

	/** What is known of one calendar's copy of the event. */
	public interface CalendarCopy {

		/** Whether the calendar should show the event (live, of a kind it shows). */
		boolean shows();

		/** Whether a copy there is linked to the event. */
		boolean linked();

		/** The fields the linked copy and the platform last agreed on. */
		EventFields linkedBase();

		/** Whether the calendar holds an unlinked copy made by hand. */
		boolean holdsUnlinkedCopy();

	}

	/**
	 * @param platform the platform's fields of the event
	 * @param copy the calendar's side
	 */
	public static CalendarWrite plan(EventFields platform, CalendarCopy copy) {
		if (!copy.shows()) {
			return copy.linked() ? CalendarWrite.DELETE : CalendarWrite.NOTHING;
		}
		if (!copy.linked()) {
			return copy.holdsUnlinkedCopy() ? CalendarWrite.MERGE_UNLINKED_COPY : CalendarWrite.CREATE;
		}
		if (copy.linkedBase().equals(platform)) {
			return CalendarWrite.NOTHING;
		}
		return CalendarWrite.UPDATE;
	}

	/**
	 * Whether a calendar's event is a copy of a platform event made by hand: same title,
	 * start and place. With no shared UID, nothing surer can be known.
	 */
	public static boolean isCopy(EventFields platform, EventFields remote) {
		return Objects.equals(platform.summary(), remote.summary())
				&& Objects.equals(platform.location(), remote.location())
				&& platform.timing().start().equals(remote.timing().start());
	}

}
