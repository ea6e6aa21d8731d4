package com.wedsync.calsync.ical;

import java.util.List;
import java.util.TreeSet;

/**
 * The fields of an event the platform models, which the sync compares and merges one by
 * one (three-way, against the base both sides last agreed on). They are what every
 * participant's copy shares. Everything else in a calendar object resource (alarms,
 * attendees and their scheduling parameters, X- properties, COLOR) is not a field: it
 * stays with each calendar's copy, never copied to another calendar and never dropped.
 *
 * @param recurrenceRule the RRULE value, or {@code null}
 * @param overrides the RECURRENCE-ID overrides, sorted by recurrence id
 * @param exclusions the EXDATE occurrences, as {@link EventOverride#recurrenceId()}
 * spells an occurrence (ISO date or instant), sorted and distinct
 * @param additions the RDATE occurrences, spelt and sorted the same way
 * @param status STATUS of the master (TENTATIVE, CONFIRMED, CANCELLED), or {@code null}
 * @param url URL (a video call link, say), or {@code null}
 * @param transparency TRANSP, {@code TRANSPARENT} or {@code null} for the default
 * (OPAQUE)
 * @param classification CLASS, {@code PRIVATE}, {@code CONFIDENTIAL} (or an x-name), or
 * {@code null} for the default (PUBLIC)
 */
public record EventFields(EventKind kind, String summary, String location, String description, EventTiming timing,
		String recurrenceRule, List<EventOverride> overrides, List<String> exclusions, List<String> additions,
		String status, String url, String transparency, String classification) {

	public EventFields {
		overrides = (overrides != null) ? List.copyOf(overrides) : List.of();
		exclusions = sortedDistinct(exclusions);
		additions = sortedDistinct(additions);
	}

	/**
	 * The fields every event has; no exclusions, additions, status, URL, TRANSP or CLASS.
	 */
	public EventFields(EventKind kind, String summary, String location, String description, EventTiming timing,
			String recurrenceRule, List<EventOverride> overrides) {
		this(kind, summary, location, description, timing, recurrenceRule, overrides, List.of(), List.of(), null, null,
				null, null);
	}

	private static List<String> sortedDistinct(List<String> occurrences) {
		return (occurrences != null) ? List.copyOf(new TreeSet<>(occurrences)) : List.of();
	}

	/** The value of one field, comparable with {@code equals}. */
	public Object get(EventField field) {
		return switch (field) {
			case KIND -> this.kind;
			case SUMMARY -> this.summary;
			case LOCATION -> this.location;
			case DESCRIPTION -> this.description;
			case TIMING -> this.timing;
			case RECURRENCE -> new Recurrence(this.recurrenceRule, this.additions, this.overrides);
			case EXCLUSIONS -> this.exclusions;
			case STATUS -> this.status;
			case URL -> this.url;
			case TRANSPARENCY -> this.transparency;
			case CLASSIFICATION -> this.classification;
		};
	}

	/** A copy with one field taken from {@code other}. */
	public EventFields with(EventField field, EventFields other) {
		Builder copy = toBuilder();
		switch (field) {
			case KIND -> copy.kind = other.kind;
			case SUMMARY -> copy.summary = other.summary;
			case LOCATION -> copy.location = other.location;
			case DESCRIPTION -> copy.description = other.description;
			case TIMING -> copy.timing = other.timing;
			case RECURRENCE -> {
				copy.recurrenceRule = other.recurrenceRule;
				copy.additions = other.additions;
				copy.overrides = other.overrides;
			}
			case EXCLUSIONS -> copy.exclusions = other.exclusions;
			case STATUS -> copy.status = other.status;
			case URL -> copy.url = other.url;
			case TRANSPARENCY -> copy.transparency = other.transparency;
			case CLASSIFICATION -> copy.classification = other.classification;
		}
		return copy.build();
	}

	/** Whether the event is cancelled as a whole (STATUS:CANCELLED on the master). */
	public boolean cancelled() {
		return "CANCELLED".equals(this.status);
	}

	public Builder toBuilder() {
		return new Builder(this);
	}

	/** The recurrence rule, its added dates and its overrides, merged as one field. */
	public record Recurrence(String rule, List<String> additions, List<EventOverride> overrides) {
	}

	/** A copy under construction: set what differs, then {@link #build()}. */
	public static final class Builder {

		private EventKind kind;

		private String summary;

		private String location;

		private String description;

		private EventTiming timing;

		private String recurrenceRule;

		private List<EventOverride> overrides;

		private List<String> exclusions;

		private List<String> additions;

		private String status;

		private String url;

		private String transparency;

		private String classification;

		private Builder(EventFields fields) {
			this.kind = fields.kind;
			this.summary = fields.summary;
			this.location = fields.location;
			this.description = fields.description;
			this.timing = fields.timing;
			this.recurrenceRule = fields.recurrenceRule;
			this.overrides = fields.overrides;
			this.exclusions = fields.exclusions;
			this.additions = fields.additions;
			this.status = fields.status;
			this.url = fields.url;
			this.transparency = fields.transparency;
			this.classification = fields.classification;
		}

		public Builder kind(EventKind kind) {
			this.kind = kind;
			return this;
		}

		public Builder summary(String summary) {
			this.summary = summary;
			return this;
		}

		public Builder location(String location) {
			this.location = location;
			return this;
		}

		public Builder description(String description) {
			this.description = description;
			return this;
		}

		public Builder timing(EventTiming timing) {
			this.timing = timing;
			return this;
		}

		public Builder recurrenceRule(String recurrenceRule) {
			this.recurrenceRule = recurrenceRule;
			return this;
		}

		public Builder overrides(List<EventOverride> overrides) {
			this.overrides = overrides;
			return this;
		}

		public Builder exclusions(List<String> exclusions) {
			this.exclusions = exclusions;
			return this;
		}

		public Builder additions(List<String> additions) {
			this.additions = additions;
			return this;
		}

		public Builder status(String status) {
			this.status = status;
			return this;
		}

		public Builder url(String url) {
			this.url = url;
			return this;
		}

		public Builder transparency(String transparency) {
			this.transparency = transparency;
			return this;
		}

		public Builder classification(String classification) {
			this.classification = classification;
			return this;
		}

		public EventFields build() {
			return new EventFields(this.kind, this.summary, this.location, this.description, this.timing,
					this.recurrenceRule, this.overrides, this.exclusions, this.additions, this.status, this.url,
					this.transparency, this.classification);
		}

	}

}
