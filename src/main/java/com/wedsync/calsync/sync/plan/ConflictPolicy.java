package com.wedsync.calsync.sync.plan;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import com.wedsync.calsync.ical.EventField;
import com.wedsync.calsync.ical.EventKind;

/**
 * The {@link KindPolicy} of every {@link EventKind}. Ceremonies are the one kind whose
 * title, place and time a phone must not move.
 *
 * @param byKind a policy for every kind
 */
public record ConflictPolicy(Map<EventKind, KindPolicy> byKind) {

	public ConflictPolicy {
		if (byKind == null) {
			throw new IllegalArgumentException("byKind must not be null");
		}
		for (EventKind kind : EventKind.values()) {
			if (byKind.get(kind) == null) {
				throw new IllegalArgumentException("no policy for " + kind);
			}
		}
		byKind = Map.copyOf(byKind);
	}

	/**
	 * CEREMONY: summary, location, timing and status platform-authoritative (a phone can
	 * neither move nor cancel it), deletions reverted; every other kind: calendar edits
	 * and deletions accepted.
	 */
	public static ConflictPolicy defaults() {
		return of(Map.of());
	}

	/**
	 * The defaults, with the policies given replacing those of their kinds.
	 * @param overrides policies by kind, for none, some or all kinds
	 */
	public static ConflictPolicy of(Map<EventKind, KindPolicy> overrides) {
		Map<EventKind, KindPolicy> byKind = new EnumMap<>(EventKind.class);
		for (EventKind kind : EventKind.values()) {
			byKind.put(kind, defaultFor(kind));
		}
		byKind.putAll(overrides);
		return new ConflictPolicy(byKind);
	}

	static KindPolicy defaultFor(EventKind kind) {
		if (kind == EventKind.CEREMONY) {
			return new KindPolicy(Set.of(EventField.SUMMARY, EventField.LOCATION, EventField.TIMING, EventField.STATUS),
					CalendarDeletes.REVERT);
		}
		return KindPolicy.CALENDAR_EDITS_ACCEPTED;
	}

	public KindPolicy forKind(EventKind kind) {
		return this.byKind.get(kind);
	}

}
