package com.wedsync.calsync.sync.plan;

import com.wedsync.calsync.ical.EventField;
import com.wedsync.calsync.ical.EventFields;
import org.jspecify.annotations.Nullable;

/**
 * A decision that discarded a value, as recorded in {@code sync_conflict}.
 *
 * @param field the field decided on, {@code null} for a decision about a deletion
 * @param rule why the discarded value lost
 * @param keptValue the value kept; for a deletion decision, the summary of the event kept
 * or {@link #DELETED}
 * @param discardedValue the value discarded; for a deletion decision, {@link #DELETED} or
 * the summary of the event discarded
 */
public record Conflict(@Nullable EventField field, ConflictRule rule, @Nullable String keptValue,
		@Nullable String discardedValue) {

	/** Stands for the deleted side of a deletion decision. */
	public static final String DELETED = "(deleted)";

	public Conflict {
		if (rule == null) {
			throw new IllegalArgumentException("rule must not be null");
		}
	}

	static Conflict ofField(EventField field, ConflictRule rule, EventFields kept, EventFields discarded) {
		return new Conflict(field, rule, text(kept.get(field)), text(discarded.get(field)));
	}

	/** A deletion lost against an edit, or was reverted: the event was kept. */
	static Conflict deletionDiscarded(ConflictRule rule, EventFields kept) {
		return new Conflict(null, rule, kept.summary(), DELETED);
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

}
