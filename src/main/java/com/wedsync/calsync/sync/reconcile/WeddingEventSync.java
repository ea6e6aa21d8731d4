package com.wedsync.calsync.sync.reconcile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.wedsync.calsync.sync.plan.EventPlan;
import com.wedsync.calsync.sync.plan.EventPlanner;
import com.wedsync.calsync.sync.reconcile.EventPlanExecutor.Done;
import com.wedsync.calsync.sync.reconcile.EventPlanExecutor.Executed;
import com.wedsync.calsync.sync.reconcile.EventStateLoader.LoadedEvent;
import com.wedsync.calsync.sync.staging.StagedChange;
import com.wedsync.calsync.wedding.WeddingEvent;

import org.springframework.stereotype.Component;

/**
 * Two-way sync of one wedding event: read its state, plan ({@link EventPlanner}), carry
 * the plan out ({@link EventPlanExecutor}). A calendar that changed while we wrote to it
 * hands back its fresh copy, and the platform's event may change while we plan; either
 * way the event is read and planned again, and a few rounds settle any realistic race.
 */
@Component
class WeddingEventSync {

	private static final int MAX_ROUNDS = 3;

	private final EventStateLoader loader;

	private final EventPlanner planner;

	private final EventPlanExecutor executor;

	WeddingEventSync(EventStateLoader loader, EventPlanner planner, EventPlanExecutor executor) {
		this.loader = loader;
		this.planner = planner;
		this.executor = executor;
	}

	/**
	 * @param event the platform event, or {@code null} for one made in a calendar
	 * @param weddingId the wedding a new event joins (when {@code event} is null)
	 * @param uid the event's UID
	 */
	void reconcile(ReconcileContext context, WeddingEvent event, UUID weddingId, String uid,
			List<StagedChange> changes) {
		UUID eventId = (event != null) ? event.id() : null;
		List<StagedChange> toMerge = changes;
		for (int round = 0; round < MAX_ROUNDS; round++) {
			LoadedEvent loaded = this.loader.load(eventId, weddingId, uid, toMerge);
			EventPlan plan = this.planner.plan(loaded.state(), Instant.now());
			Executed executed = this.executor.execute(context, loaded, plan);
			if (executed instanceof Done done) {
				if (done.event() == null || done.changedMeanwhile().isEmpty()) {
					return;
				}
				eventId = done.event().id();
				toMerge = done.changedMeanwhile();
			}
		}
	}

}
