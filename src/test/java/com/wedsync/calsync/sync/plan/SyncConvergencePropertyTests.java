package com.wedsync.calsync.sync.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;

import com.wedsync.calsync.ical.EventField;
import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.sync.plan.SyncModel.Stored;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * vdirsyncer's state-machine property, on the planner: whatever the platform and the
 * calendars do between syncs, a final sync leaves every calendar with exactly the
 * platform's events, and a sync after that writes nothing. A failing seed is in the test
 * name and the message; run it alone with {@code -Dcalsync.seed=<seed>}.
 */
class SyncConvergencePropertyTests {

	private static final int CALENDARS = 3;

	private static final int STEPS = 30;

	private static final int MAX_FINAL_SYNCS = 3;

	static LongStream seeds() {
		String seed = System.getProperty("calsync.seed");
		return (seed != null) ? LongStream.of(Long.parseLong(seed)) : LongStream.range(0, 300);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void shouldConvergeAndThenWriteNothing(long seed) {
		Scenario scenario = new Scenario(seed);
		for (int step = 0; step < STEPS; step++) {
			scenario.step();
		}

		boolean quiet = false;
		for (int sync = 0; sync < MAX_FINAL_SYNCS && !quiet; sync++) {
			quiet = onlyNoChange(scenario.sync());
		}

		SyncModel model = scenario.model;
		String context = "seed " + seed + " (-Dcalsync.seed=" + seed + "), steps:\n" + String.join("\n", scenario.log);
		assertThat(quiet).as("quiescent within %d syncs, %s", MAX_FINAL_SYNCS, context).isTrue();
		for (int calendar = 0; calendar < CALENDARS; calendar++) {
			assertThat(fieldsOf(model.calendars.get(calendar))).as("calendar %d, %s", calendar, context)
				.isEqualTo(fieldsOf(model.platform));
			assertThat(model.links.get(calendar)).as("links of calendar %d, %s", calendar, context)
				.isEqualTo(fieldsOf(model.platform));
		}
		assertThat(scenario.sync()).as("a further sync, %s", context).allMatch(SyncAction.NoChange.class::isInstance);
	}

	/**
	 * From a converged state, one change on one side and a sync give what the policy
	 * table says: platform changes go out as they are; a calendar's edit reaches the
	 * platform unless it touched a field the platform owns for that kind; a calendar's
	 * deletion deletes everywhere unless the kind reverts it.
	 */
	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void shouldApplyASingleChangeAsThePolicySays(long seed) {
		Scenario scenario = new Scenario(seed);
		for (int step = 0; step < STEPS; step++) {
			scenario.step();
		}
		scenario.sync();
		scenario.sync();
		SyncModel model = scenario.model;
		assertThat(fieldsOf(model.calendars.get(0))).as("converged first, seed %d", seed)
			.isEqualTo(fieldsOf(model.platform));
		Map<String, EventFields> expected = scenario.singleChange();
		String context = "seed " + seed + " (-Dcalsync.seed=" + seed + "), steps:\n" + String.join("\n", scenario.log);

		scenario.sync();

		assertThat(fieldsOf(model.platform)).as("platform, %s", context).isEqualTo(expected);
		for (int calendar = 0; calendar < CALENDARS; calendar++) {
			assertThat(fieldsOf(model.calendars.get(calendar))).as("calendar %d, %s", calendar, context)
				.isEqualTo(expected);
		}
	}

	private static boolean onlyNoChange(List<SyncAction> actions) {
		return actions.stream().allMatch(SyncAction.NoChange.class::isInstance);
	}

	private static Map<String, EventFields> fieldsOf(Map<String, Stored> events) {
		Map<String, EventFields> fields = new TreeMap<>();
		events.forEach((uid, stored) -> fields.put(uid, stored.fields()));
		return fields;
	}

	/** A random interleaving of edits on every side and syncs, logged for the failure. */
	private static final class Scenario {

		private final SyncModel model = new SyncModel(CALENDARS);

		private final Random random;

		private final RandomEvents events;

		private final List<String> log = new ArrayList<>();

		private int nextUid;

		Scenario(long seed) {
			this.random = new Random(seed);
			this.events = new RandomEvents(this.random);
		}

		void step() {
			int calendar = this.random.nextInt(CALENDARS);
			switch (this.random.nextInt(8)) {
				case 0 -> platformCreate();
				case 1 -> platformEdit();
				case 2 -> platformDelete();
				case 3 -> calendarCreate(calendar);
				case 4 -> calendarEdit(calendar);
				case 5 -> calendarDelete(calendar);
				case 6 -> calendarCopy(calendar);
				default -> sync();
			}
		}

		/**
		 * Makes one random change on one side of a converged state.
		 * @return the platform's events as the policy says they must be after a sync
		 */
		Map<String, EventFields> singleChange() {
			Map<String, EventFields> expected = fieldsOf(this.model.platform);
			int calendar = this.random.nextInt(CALENDARS);
			String uid = anyOf(this.model.platform);
			int change = (uid != null) ? this.random.nextInt(5) : 0;
			if (change == 0) {
				platformCreate();
				return fieldsOf(this.model.platform);
			}
			if (change == 1 || change == 2) {
				if (change == 1) {
					platformEdit(uid);
				}
				else {
					platformDelete(uid);
				}
				return fieldsOf(this.model.platform);
			}
			KindPolicy policy = ConflictPolicy.defaults().forKind(expected.get(uid).kind());
			if (change == 3) {
				EventField field = calendarEdit(calendar, uid);
				if (!policy.isPlatformAuthoritative(field)) {
					expected.put(uid, this.model.calendars.get(calendar).get(uid).fields());
				}
				return expected;
			}
			calendarDelete(calendar, uid);
			if (policy.calendarDeletes() == CalendarDeletes.ACCEPT) {
				expected.remove(uid);
			}
			return expected;
		}

		List<SyncAction> sync() {
			List<SyncAction> actions = this.model.sync();
			this.log.add("sync -> " + actions.stream().filter((a) -> !(a instanceof SyncAction.NoChange)).toList());
			return actions;
		}

		private void platformCreate() {
			String uid = "e" + this.nextUid++;
			EventFields fields = this.events.fields();
			this.model.platform.put(uid, new Stored(fields, this.model.tick()));
			this.log.add("platform creates " + uid + " " + fields);
		}

		private void platformEdit() {
			String uid = anyOf(this.model.platform);
			if (uid != null) {
				platformEdit(uid);
			}
		}

		private void platformEdit(String uid) {
			EventField field = this.events.field();
			EventFields fields = this.events.edit(this.model.platform.get(uid).fields(), field);
			this.model.platform.put(uid, new Stored(fields, this.model.tick()));
			this.log.add("platform edits " + uid + " " + field + " = " + fields.get(field));
		}

		private void platformDelete() {
			String uid = anyOf(this.model.platform);
			if (uid != null) {
				platformDelete(uid);
			}
		}

		private void platformDelete(String uid) {
			this.model.platform.remove(uid);
			this.log.add("platform deletes " + uid);
		}

		private void calendarCreate(int calendar) {
			String uid = "c" + calendar + "-" + this.nextUid++;
			EventFields fields = this.events.fields();
			this.model.calendars.get(calendar).put(uid, new Stored(fields, calendarTime(uid)));
			this.log.add("calendar " + calendar + " creates " + uid + " " + fields);
		}

		private void calendarEdit(int calendar) {
			String uid = anyOf(this.model.calendars.get(calendar));
			if (uid != null) {
				calendarEdit(calendar, uid);
			}
		}

		private EventField calendarEdit(int calendar, String uid) {
			Map<String, Stored> events = this.model.calendars.get(calendar);
			EventField field = this.events.field();
			EventFields fields = this.events.edit(events.get(uid).fields(), field);
			events.put(uid, new Stored(fields, calendarTime(uid)));
			this.log.add("calendar " + calendar + " edits " + uid + " " + field + " = " + fields.get(field));
			return field;
		}

		private void calendarDelete(int calendar) {
			String uid = anyOf(this.model.calendars.get(calendar));
			if (uid != null) {
				calendarDelete(calendar, uid);
			}
		}

		private void calendarDelete(int calendar, String uid) {
			this.model.calendars.get(calendar).remove(uid);
			this.log.add("calendar " + calendar + " deletes " + uid);
		}

		/**
		 * Someone adds to a calendar a copy of a platform event, not synced there yet.
		 */
		private void calendarCopy(int calendar) {
			Map<String, Stored> events = this.model.calendars.get(calendar);
			String uid = anyOf(this.model.platform);
			if (uid != null && !events.containsKey(uid) && !this.model.links.get(calendar).containsKey(uid)) {
				EventFields fields = this.events.edit(this.model.platform.get(uid).fields(), this.events.field());
				events.put(uid, new Stored(fields, calendarTime(uid)));
				this.log.add("calendar " + calendar + " copies " + uid + " as " + fields);
			}
		}

		/**
		 * Mostly now; sometimes no LAST-MODIFIED at all, sometimes the platform's own
		 * time (a tie).
		 */
		private Instant calendarTime(String uid) {
			int dice = this.random.nextInt(10);
			Stored platform = this.model.platform.get(uid);
			if (dice == 0) {
				return null;
			}
			if (dice == 1 && platform != null) {
				return platform.lastModified();
			}
			return this.model.tick();
		}

		private String anyOf(Map<String, Stored> events) {
			if (events.isEmpty()) {
				return null;
			}
			List<String> uids = events.keySet().stream().sorted().toList();
			return uids.get(this.random.nextInt(uids.size()));
		}

	}

}
