package com.wedsync.calsync.sync.plan;

import java.util.List;
import java.util.Random;

import com.wedsync.calsync.ical.EventField;
import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.ical.EventKind;
import com.wedsync.calsync.ical.EventOverride;
import com.wedsync.calsync.ical.EventTiming;

/**
 * Random event fields from few values per field, so that both sides often make the same
 * edit, edit back to the base, or edit a ceremony's time.
 */
final class RandomEvents {

	private static final String[] SUMMARIES = { "Ceremony", "Tasting", "Dress fitting", null };

	private static final String[] LOCATIONS = { "St Mary's", "Café Rouge", null };

	private static final String[] DESCRIPTIONS = { "Bring the rings", "Agenda attached", null };

	@SuppressWarnings("unchecked")
	private static final List<String>[] EXCLUSIONS = new List[] { List.of(), List.of("2027-06-19T13:00:00Z"),
			List.of("2027-06-19T13:00:00Z", "2027-06-26T13:00:00Z") };

	private static final List<EventTiming> TIMINGS = List.of(
			Events.timing("2027-06-12T13:00:00Z", "2027-06-12T14:00:00Z"),
			Events.timing("2027-06-12T13:30:00Z", "2027-06-12T14:30:00Z"),
			Events.timing("2027-03-02T10:00:00Z", "2027-03-02T11:00:00Z"));

	private final Random random;

	RandomEvents(Random random) {
		this.random = random;
	}

	EventFields fields() {
		EventFields fields = new EventFields(EventKind.CEREMONY, null, null, null, TIMINGS.get(0), null, List.of());
		for (EventField field : EventField.values()) {
			fields = edit(fields, field);
		}
		return fields;
	}

	EventField field() {
		return pick(EventField.values());
	}

	/** The fields with one field set to a random value, possibly the one it had. */
	EventFields edit(EventFields fields, EventField field) {
		EventFields value = switch (field) {
			case KIND -> Events.withKind(fields, pick(EventKind.values()));
			case SUMMARY -> Events.withSummary(fields, pick(SUMMARIES));
			case LOCATION -> Events.withLocation(fields, pick(LOCATIONS));
			case DESCRIPTION -> Events.withDescription(fields, pick(DESCRIPTIONS));
			case TIMING -> Events.withTiming(fields, TIMINGS.get(this.random.nextInt(TIMINGS.size())));
			case RECURRENCE -> recurrence();
			case EXCLUSIONS -> empty().exclusions(pick(EXCLUSIONS)).build();
			case STATUS -> empty().status(pick("CANCELLED", "TENTATIVE", null)).build();
			case URL -> empty().url(pick("https://meet.example/abc", null)).build();
			case TRANSPARENCY -> empty().transparency(pick("TRANSPARENT", null)).build();
			case CLASSIFICATION -> empty().classification(pick("PRIVATE", null)).build();
		};
		return fields.with(field, value);
	}

	private static EventFields.Builder empty() {
		return new EventFields(null, null, null, null, null, null, List.of()).toBuilder();
	}

	private EventFields recurrence() {
		return switch (this.random.nextInt(5)) {
			case 0 -> new EventFields(null, null, null, null, null, null, List.of());
			case 4 -> empty().recurrenceRule("FREQ=WEEKLY;COUNT=4").additions(List.of("2027-06-30T13:00:00Z")).build();
			case 1 -> new EventFields(null, null, null, null, null, "FREQ=WEEKLY;COUNT=4", List.of());
			default -> new EventFields(null, null, null, null, null, "FREQ=WEEKLY;COUNT=4",
					List.of(new EventOverride("2027-06-19T13:00:00Z", TIMINGS.get(this.random.nextInt(TIMINGS.size())),
							"Rehearsal", pick("Chapel", null), null, this.random.nextBoolean() ? "CANCELLED" : null)));
		};
	}

	@SafeVarargs
	private <T> T pick(T... values) {
		return values[this.random.nextInt(values.length)];
	}

}
