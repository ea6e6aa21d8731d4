package com.wedsync.calsync.observability;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Records what syncs do: runs by trigger and outcome with their duration, event writes by
 * direction, action and kind, and conflicts by kind and rule. Every combination is
 * registered at startup at zero, so a dashboard panel or an alert rule has a series to
 * show (and {@code rate()} a first sample) before the first occurrence.
 */
@Component
public class SyncActivityMetrics {

	static final List<String> TRIGGERS = List.of("scheduled", "emergency", "webhook", "manual");

	static final List<String> OUTCOMES = List.of(CalSyncMetrics.OUTCOME_COMPLETED, CalSyncMetrics.OUTCOME_FAILED,
			CalSyncMetrics.OUTCOME_HOST_UNAVAILABLE, CalSyncMetrics.OUTCOME_STOPPED);

	static final List<String> DIRECTIONS = List.of("to_platform", "to_calendar");

	static final List<String> ACTIONS = List.of("create", "update", "delete");

	static final List<String> KINDS = List.of("ceremony", "meeting", "deadline", "other");

	static final List<String> RULES = List.of("platform_authoritative", "later_edit_wins", "tie_to_platform",
			"edit_beats_delete", "calendar_delete_reverted");

	private final MeterRegistry registry;

	public SyncActivityMetrics(MeterRegistry registry) {
		this.registry = registry;
		for (String trigger : TRIGGERS) {
			for (String outcome : OUTCOMES) {
				syncTimer(trigger, outcome);
			}
		}
		for (String kind : KINDS) {
			for (String direction : DIRECTIONS) {
				for (String action : ACTIONS) {
					eventsCounter(direction, action, kind);
				}
			}
			for (String rule : RULES) {
				conflictsCounter(kind, rule);
			}
		}
	}

	/** A sync job execution ended. */
	public void syncEnded(String trigger, String outcome, Duration duration) {
		syncTimer(tag(trigger), outcome).record(duration);
	}

	/** Reconciliation wrote {@code count} events. */
	public void eventsApplied(String direction, String action, String kind, int count) {
		if (count > 0) {
			eventsCounter(tag(direction), tag(action), tag(kind)).increment(count);
		}
	}

	/** Reconciliation recorded {@code count} conflicts decided by a rule. */
	public void conflicts(String kind, String rule, int count) {
		if (count > 0) {
			conflictsCounter(tag(kind), tag(rule)).increment(count);
		}
	}

	private Timer syncTimer(String trigger, String outcome) {
		return Timer.builder(CalSyncMetrics.SYNC_DURATION)
			.description("Sync job executions by trigger and outcome, and how long they took")
			.tag(CalSyncMetrics.TAG_TRIGGER, trigger)
			.tag(CalSyncMetrics.TAG_OUTCOME, outcome)
			.register(this.registry);
	}

	private Counter eventsCounter(String direction, String action, String kind) {
		return Counter.builder(CalSyncMetrics.EVENTS_APPLIED)
			.description("Events written by reconciliation, by direction, action and kind")
			.tag(CalSyncMetrics.TAG_DIRECTION, direction)
			.tag(CalSyncMetrics.TAG_ACTION, action)
			.tag(CalSyncMetrics.TAG_KIND, kind)
			.register(this.registry);
	}

	private Counter conflictsCounter(String kind, String rule) {
		return Counter.builder(CalSyncMetrics.CONFLICTS)
			.description("Sync decisions that discarded a value, by event kind and rule")
			.tag(CalSyncMetrics.TAG_KIND, kind)
			.tag(CalSyncMetrics.TAG_RULE, rule)
			.register(this.registry);
	}

	/** Tag values are lower case: {@code CEREMONY} → {@code ceremony}. */
	static String tag(String value) {
		return value.toLowerCase(Locale.ROOT);
	}

}
