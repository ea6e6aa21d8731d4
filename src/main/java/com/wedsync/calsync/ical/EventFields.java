package com.wedsync.calsync.ical;

import java.util.List;

/**
 * The fields of an event the platform models, which the sync compares and merges one by
 * one (three-way, against the base both sides last agreed on). Everything else in a
 * calendar object resource (alarms, attendees, X- properties) is not a field: it stays
 * with each calendar's copy.
 *
 * @param recurrenceRule the RRULE value, or {@code null}
 * @param overrides the RECURRENCE-ID overrides, sorted by recurrence id
 */
public record EventFields(EventKind kind, String summary, String location, String description, EventTiming timing,
		String recurrenceRule, List<EventOverride> overrides) {

	public EventFields {
		overrides = (overrides != null) ? List.copyOf(overrides) : List.of();
	}

	/** The value of one field, comparable with {@code equals}. */
	public Object get(EventField field) {
		return switch (field) {
			case KIND -> this.kind;
			case SUMMARY -> this.summary;
			case LOCATION -> this.location;
			case DESCRIPTION -> this.description;
			case TIMING -> this.timing;
			case RECURRENCE -> new Recurrence(this.recurrenceRule, this.overrides);
		};
	}

	/** A copy with one field taken from {@code other}. */
	public EventFields with(EventField field, EventFields other) {
		return switch (field) {
			case KIND -> new EventFields(other.kind, this.summary, this.location, this.description, this.timing,
					this.recurrenceRule, this.overrides);
			case SUMMARY -> new EventFields(this.kind, other.summary, this.location, this.description, this.timing,
					this.recurrenceRule, this.overrides);
			case LOCATION -> new EventFields(this.kind, this.summary, other.location, this.description, this.timing,
					this.recurrenceRule, this.overrides);
			case DESCRIPTION -> new EventFields(this.kind, this.summary, this.location, other.description, this.timing,
					this.recurrenceRule, this.overrides);
			case TIMING -> new EventFields(this.kind, this.summary, this.location, this.description, other.timing,
					this.recurrenceRule, this.overrides);
			case RECURRENCE -> new EventFields(this.kind, this.summary, this.location, this.description, this.timing,
					other.recurrenceRule, other.overrides);
		};
	}

	/** The recurrence rule and its overrides, merged as one field. */
	public record Recurrence(String rule, List<EventOverride> overrides) {
	}

}
