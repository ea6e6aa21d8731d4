package com.wedsync.calsync.sync.reconcile;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What reconciling events did, on the platform and on calendars together, and by
 * direction for the metrics.
 */
public final class ReconcileCounts {

	/** Where a write went: a calendar edit applied on the platform, or to a calendar. */
	public enum Direction {

		TO_PLATFORM, TO_CALENDAR

	}

	/** What a write did. */
	public enum Action {

		CREATE, UPDATE, DELETE

	}

	private final Map<Direction, Map<Action, Integer>> writes = new EnumMap<>(Direction.class);

	private final Map<String, Integer> conflictsByRule = new TreeMap<>();

	private int deadLettered;

	private int readOnlySkipped;

	void created(Direction direction) {
		add(direction, Action.CREATE);
	}

	void updated(Direction direction) {
		add(direction, Action.UPDATE);
	}

	void deleted(Direction direction) {
		add(direction, Action.DELETE);
	}

	void deadLettered() {
		this.deadLettered++;
	}

	void readOnlySkipped() {
		this.readOnlySkipped++;
	}

	void conflict(String rule) {
		this.conflictsByRule.merge(rule, 1, Integer::sum);
	}

	private void add(Direction direction, Action action) {
		this.writes.computeIfAbsent(direction, (d) -> new EnumMap<>(Action.class)).merge(action, 1, Integer::sum);
	}

	/** Writes of one direction and action. */
	public int get(Direction direction, Action action) {
		return this.writes.getOrDefault(direction, Map.of()).getOrDefault(action, 0);
	}

	/** Conflicts by the name of the rule that decided them. */
	public Map<String, Integer> getConflictsByRule() {
		return Collections.unmodifiableMap(this.conflictsByRule);
	}

	public int getCreated() {
		return total(Action.CREATE);
	}

	public int getUpdated() {
		return total(Action.UPDATE);
	}

	public int getDeleted() {
		return total(Action.DELETE);
	}

	public int getConflicts() {
		return this.conflictsByRule.values().stream().mapToInt(Integer::intValue).sum();
	}

	/** Writes a server refused, parked as dead letters. */
	public int getDeadLettered() {
		return this.deadLettered;
	}

	/** Calendar writes not sent because the calendar is read-only for the account. */
	public int getReadOnlySkipped() {
		return this.readOnlySkipped;
	}

	private int total(Action action) {
		return get(Direction.TO_PLATFORM, action) + get(Direction.TO_CALENDAR, action);
	}

}
