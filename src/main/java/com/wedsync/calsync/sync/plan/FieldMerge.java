package com.wedsync.calsync.sync.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.wedsync.calsync.ical.EventField;
import com.wedsync.calsync.ical.EventFields;
import org.jspecify.annotations.Nullable;

/** The field-by-field three-way merge of a platform event and a calendar copy. */
record FieldMerge(EventFields merged, List<Conflict> conflicts) {

	static FieldMerge of(EventFields base, PlatformSide.Present platform, CalendarSide.Present calendar,
			KindPolicy policy) {
		EventFields merged = platform.fields();
		List<Conflict> conflicts = new ArrayList<>();
		for (EventField field : EventField.values()) {
			Object ours = platform.fields().get(field);
			Object theirs = calendar.fields().get(field);
			if (Objects.equals(theirs, base.get(field)) || Objects.equals(theirs, ours)) {
				continue;
			}
			boolean platformChanged = !Objects.equals(ours, base.get(field));
			ConflictRule rule = platformWins(field, platformChanged, platform, calendar, policy);
			if (rule == null) {
				merged = merged.with(field, calendar.fields());
				if (platformChanged) {
					conflicts.add(Conflict.ofField(field, ConflictRule.LATER_EDIT_WINS, calendar.fields(),
							platform.fields()));
				}
			}
			else {
				conflicts.add(Conflict.ofField(field, rule, platform.fields(), calendar.fields()));
			}
		}
		return new FieldMerge(merged, conflicts);
	}

	/**
	 * Why the platform's value of a field the calendar changed is kept, or {@code null}
	 * when the calendar's value is taken.
	 */
	private static @Nullable ConflictRule platformWins(EventField field, boolean platformChanged,
			PlatformSide.Present platform, CalendarSide.Present calendar, KindPolicy policy) {
		if (policy.isPlatformAuthoritative(field)) {
			return ConflictRule.PLATFORM_AUTHORITATIVE;
		}
		if (!platformChanged) {
			return null;
		}
		Instant calendarTime = calendar.lastModified();
		if (calendarTime == null || calendarTime.equals(platform.lastModified())) {
			return ConflictRule.TIE_TO_PLATFORM;
		}
		return calendarTime.isAfter(platform.lastModified()) ? null : ConflictRule.LATER_EDIT_WINS;
	}

	/** One conflict per field in which the discarded fields differ from the kept ones. */
	static List<Conflict> differences(EventFields kept, EventFields discarded, ConflictRule rule) {
		List<Conflict> conflicts = new ArrayList<>();
		for (EventField field : EventField.values()) {
			if (!Objects.equals(kept.get(field), discarded.get(field))) {
				conflicts.add(Conflict.ofField(field, rule, kept, discarded));
			}
		}
		return conflicts;
	}

}
