package com.wedsync.calsync.sync.plan;

import java.time.Instant;
import java.util.List;

import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.ical.EventKind;
import com.wedsync.calsync.ical.EventOverride;
import com.wedsync.calsync.ical.EventTiming;

/** Event fields for planner tests, edited one field at a time. */
final class Events {

	static final Instant T0 = Instant.parse("2027-01-10T09:00:00Z");

	private Events() {
	}

	static EventFields ceremony() {
		return new EventFields(EventKind.CEREMONY, "Ceremony – Alice & Ben", "St Mary's, London", "Bring the rings",
				timing("2027-06-12T13:00:00Z", "2027-06-12T14:00:00Z"), null, List.of());
	}

	static EventFields meeting() {
		return new EventFields(EventKind.MEETING, "Tasting with the caterer", "Café Rouge", null,
				timing("2027-03-02T10:00:00Z", "2027-03-02T11:00:00Z"), null, List.of());
	}

	static EventFields weeklyMeeting() {
		return new EventFields(EventKind.MEETING, "Weekly planning call", null, null,
				timing("2027-02-01T17:00:00Z", "2027-02-01T17:30:00Z"), "FREQ=WEEKLY;COUNT=10",
				List.of(new EventOverride("2027-02-08T17:00:00Z",
						timing("2027-02-08T18:00:00Z", "2027-02-08T18:30:00Z"), "Weekly planning call", null, null,
						null)));
	}

	static EventTiming timing(String start, String end) {
		return new EventTiming(Instant.parse(start), Instant.parse(end), "Europe/London", false, false);
	}

	static EventFields withKind(EventFields e, EventKind kind) {
		return new EventFields(kind, e.summary(), e.location(), e.description(), e.timing(), e.recurrenceRule(),
				e.overrides());
	}

	static EventFields withSummary(EventFields e, String summary) {
		return new EventFields(e.kind(), summary, e.location(), e.description(), e.timing(), e.recurrenceRule(),
				e.overrides());
	}

	static EventFields withLocation(EventFields e, String location) {
		return new EventFields(e.kind(), e.summary(), location, e.description(), e.timing(), e.recurrenceRule(),
				e.overrides());
	}

	static EventFields withDescription(EventFields e, String description) {
		return new EventFields(e.kind(), e.summary(), e.location(), description, e.timing(), e.recurrenceRule(),
				e.overrides());
	}

	static EventFields withTiming(EventFields e, EventTiming timing) {
		return new EventFields(e.kind(), e.summary(), e.location(), e.description(), timing, e.recurrenceRule(),
				e.overrides());
	}

	static EventFields withOverrides(EventFields e, List<EventOverride> overrides) {
		return new EventFields(e.kind(), e.summary(), e.location(), e.description(), e.timing(), e.recurrenceRule(),
				overrides);
	}

}
