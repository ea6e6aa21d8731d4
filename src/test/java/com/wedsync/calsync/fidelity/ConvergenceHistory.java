package com.wedsync.calsync.fidelity;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * A random interleaving of edits on the platform and on the participants' calendars, with
 * syncs between them, in the manner of vdirsyncer's {@code SyncMachine}: what people do
 * to a weekly series and a single event while calsync syncs now and then.
 *
 * @param seed the seed the history was generated from, to run it again alone
 */
record ConvergenceHistory(long seed, List<Step> steps) {

	static final List<String> CALENDARS = List.of("planner", "couple", "vendor");

	static final List<String> EVENTS = List.of("lessons", "ceremony");

	/** One thing that happens. */
	sealed interface Step {

	}

	/** calsync syncs the integration. */
	record Sync() implements Step {

		@Override
		public String toString() {
			return "sync";
		}

	}

	/**
	 * An edit made through the platform's API.
	 *
	 * @param occurrence the occurrence an exclusion names, counted from the first
	 */
	record PlatformEdit(String event, Edit edit, String value, int occurrence) implements Step {

		@Override
		public String toString() {
			return "platform: " + this.edit + " " + this.event + describe(this.edit, this.value, this.occurrence);
		}

	}

	/** An edit made on a phone, to one calendar's copy, as the phone writes it. */
	record PhoneEdit(String calendar, String event, Edit edit, String value, int occurrence) implements Step {

		@Override
		public String toString() {
			return this.calendar + "'s phone: " + this.edit + " " + this.event
					+ describe(this.edit, this.value, this.occurrence);
		}

	}

	/**
	 * What an edit does. Not every edit can be made everywhere (the platform has no
	 * split).
	 */
	enum Edit {

		SUMMARY, LOCATION,
		/** "Delete This Event Only": an EXDATE. */
		DELETE_OCCURRENCE,
		/** One occurrence moved an hour later to another place (RECURRENCE-ID). */
		MOVE_OCCURRENCE, STATUS, DELETE,
		/**
		 * iOS's "this and future": the series cut with UNTIL, the rest under a new UID.
		 */
		SPLIT

	}

	private static String describe(Edit edit, String value, int occurrence) {
		return switch (edit) {
			case DELETE_OCCURRENCE, MOVE_OCCURRENCE, SPLIT -> " #" + occurrence;
			case DELETE -> "";
			default -> " = " + value;
		};
	}

	/**
	 * A history of 3 to 8 steps ending with edits or syncs; the runner syncs after it.
	 */
	static ConvergenceHistory generate(long seed) {
		Random random = new Random(seed);
		List<Step> steps = new ArrayList<>();
		int count = 3 + random.nextInt(6);
		for (int i = 0; i < count; i++) {
			steps.add(step(random, i));
		}
		return new ConvergenceHistory(seed, steps);
	}

	private static Step step(Random random, int index) {
		int choice = random.nextInt(10);
		if (choice < 2) {
			return new Sync();
		}
		String event = pick(random, EVENTS);
		String value = pick(random, List.of("A", "B", "C")) + index;
		int occurrence = 1 + random.nextInt(4);
		if (choice < 5) {
			Edit edit = pick(random, List.of(Edit.SUMMARY, Edit.LOCATION, Edit.DELETE_OCCURRENCE, Edit.STATUS,
					Edit.SUMMARY, Edit.LOCATION, Edit.DELETE));
			return new PlatformEdit(event, edit, (edit == Edit.STATUS) ? status(random) : value, occurrence);
		}
		Edit edit = pick(random, List.of(Edit.SUMMARY, Edit.LOCATION, Edit.DELETE_OCCURRENCE, Edit.MOVE_OCCURRENCE,
				Edit.STATUS, Edit.DELETE, Edit.SPLIT, Edit.DELETE_OCCURRENCE, Edit.MOVE_OCCURRENCE));
		return new PhoneEdit(pick(random, CALENDARS), event, edit, (edit == Edit.STATUS) ? status(random) : value,
				occurrence);
	}

	private static String status(Random random) {
		return pick(random, List.of("CANCELLED", "TENTATIVE", "CONFIRMED"));
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	/**
	 * The smallest history found that still fails, by dropping one step at a time for as
	 * long as some drop keeps the failure (delta debugging's one-minimal result).
	 */
	ConvergenceHistory shrink(Predicate<ConvergenceHistory> fails) {
		ConvergenceHistory smallest = this;
		boolean shrunk = true;
		while (shrunk) {
			shrunk = false;
			for (int i = 0; i < smallest.steps.size(); i++) {
				List<Step> fewer = new ArrayList<>(smallest.steps);
				fewer.remove(i);
				ConvergenceHistory candidate = new ConvergenceHistory(this.seed, fewer);
				if (fails.test(candidate)) {
					smallest = candidate;
					shrunk = true;
					break;
				}
			}
		}
		return smallest;
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("history of seed " + this.seed + ":");
		this.steps.forEach((step) -> text.append("\n  ").append(step));
		return text.append("\n  sync (and one more, which must write nothing)").toString();
	}

}
