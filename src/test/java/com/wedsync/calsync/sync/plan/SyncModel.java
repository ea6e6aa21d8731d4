package com.wedsync.calsync.sync.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.sync.plan.SyncAction.Apply;
import com.wedsync.calsync.sync.plan.SyncAction.CreateOnCalendar;
import com.wedsync.calsync.sync.plan.SyncAction.CreateOnPlatform;
import com.wedsync.calsync.sync.plan.SyncAction.DeleteEverywhere;
import com.wedsync.calsync.sync.plan.SyncAction.DeleteOnCalendar;
import com.wedsync.calsync.sync.plan.SyncAction.Forget;
import com.wedsync.calsync.sync.plan.SyncAction.NoChange;
import com.wedsync.calsync.sync.plan.SyncAction.RecreateOnCalendar;
import com.wedsync.calsync.sync.plan.SyncAction.RestorePlatform;
import org.jspecify.annotations.Nullable;

/**
 * The platform, some calendars and the links between them, in memory: what the sync job
 * and its executor do to the database and the servers, reduced to maps, so that a
 * property test can check that the planner's actions make every side converge.
 */
final class SyncModel {

	/** An event as one side holds it, with the time that side last changed it. */
	record Stored(EventFields fields, @Nullable Instant lastModified) {
	}

	// Sides

	final Map<String, Stored> platform = new HashMap<>();

	final List<Map<String, Stored>> calendars = new ArrayList<>();

	/** The base per calendar and UID: the fields both sides last agreed on. */
	final List<Map<String, EventFields>> links = new ArrayList<>();

	// Planning and time

	private final SyncPlanner planner = new SyncPlanner(ConflictPolicy.defaults());

	private long clock;

	SyncModel(int calendarCount) {
		for (int i = 0; i < calendarCount; i++) {
			this.calendars.add(new HashMap<>());
			this.links.add(new HashMap<>());
		}
	}

	/** A logical clock: every change happens at a later instant than the one before. */
	Instant tick() {
		return Events.T0.plusSeconds(++this.clock);
	}

	/**
	 * One run of the sync job: every event with every calendar. When a calendar's change
	 * reaches the platform, the event is planned again with every other calendar, so the
	 * change goes out in the same run.
	 * @return every action planned, in order
	 */
	List<SyncAction> sync() {
		List<SyncAction> actions = new ArrayList<>();
		for (String uid : uids()) {
			for (int pass = 0; pass <= this.calendars.size(); pass++) {
				Stored before = this.platform.get(uid);
				for (int calendar = 0; calendar < this.calendars.size(); calendar++) {
					actions.add(syncOne(uid, calendar));
				}
				if (Objects.equals(before, this.platform.get(uid))) {
					break;
				}
			}
		}
		return actions;
	}

	private SyncAction syncOne(String uid, int calendar) {
		EventFields base = this.links.get(calendar).get(uid);
		Stored event = this.platform.get(uid);
		Stored copy = this.calendars.get(calendar).get(uid);
		PlatformSide platformSide = (event != null) ? PlatformSide.present(event.fields(), event.lastModified())
				: PlatformSide.absent();
		CalendarSide calendarSide = (copy == null) ? CalendarSide.absent() : copy.fields().equals(base)
				? CalendarSide.unchanged() : CalendarSide.present(copy.fields(), copy.lastModified());
		SyncAction action = this.planner.plan(base, platformSide, calendarSide);
		action.accept(new Executor(uid, calendar));
		return action;
	}

	private SortedSet<String> uids() {
		SortedSet<String> uids = new TreeSet<>(this.platform.keySet());
		this.calendars.forEach((events) -> uids.addAll(events.keySet()));
		this.links.forEach((bases) -> uids.addAll(bases.keySet()));
		return uids;
	}

	/** What the real executor does to the database and the CalDAV server, to the maps. */
	private final class Executor implements SyncAction.Visitor<Void> {

		private final String uid;

		private final Map<String, Stored> calendar;

		private final Map<String, EventFields> links;

		Executor(String uid, int calendar) {
			this.uid = uid;
			this.calendar = SyncModel.this.calendars.get(calendar);
			this.links = SyncModel.this.links.get(calendar);
		}

		@Override
		public Void noChange(NoChange action) {
			return null;
		}

		@Override
		public Void apply(Apply action) {
			if (action.updatePlatform()) {
				writePlatform(action.merged());
			}
			if (action.writeCalendar()) {
				writeCalendar(action.merged());
			}
			return link(action.merged());
		}

		@Override
		public Void createOnCalendar(CreateOnCalendar action) {
			writeCalendar(action.fields());
			return link(action.fields());
		}

		@Override
		public Void createOnPlatform(CreateOnPlatform action) {
			writePlatform(action.fields());
			return link(action.fields());
		}

		@Override
		public Void deleteOnCalendar(DeleteOnCalendar action) {
			this.calendar.remove(this.uid);
			return unlink();
		}

		@Override
		public Void deleteEverywhere(DeleteEverywhere action) {
			SyncModel.this.platform.remove(this.uid);
			return unlink();
		}

		@Override
		public Void recreateOnCalendar(RecreateOnCalendar action) {
			writeCalendar(action.fields());
			return link(action.fields());
		}

		@Override
		public Void restorePlatform(RestorePlatform action) {
			writePlatform(action.fields());
			return link(action.fields());
		}

		@Override
		public Void forget(Forget action) {
			return unlink();
		}

		private void writePlatform(EventFields fields) {
			SyncModel.this.platform.put(this.uid, new Stored(fields, tick()));
		}

		/** The server stamps LAST-MODIFIED on every write. */
		private void writeCalendar(EventFields fields) {
			this.calendar.put(this.uid, new Stored(fields, tick()));
		}

		private Void link(EventFields base) {
			this.links.put(this.uid, base);
			return null;
		}

		private Void unlink() {
			this.links.remove(this.uid);
			return null;
		}

	}

}
