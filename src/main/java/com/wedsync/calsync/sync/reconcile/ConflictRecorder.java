package com.wedsync.calsync.sync.reconcile;

import java.util.UUID;

import com.wedsync.calsync.sync.conflict.ConflictRepository;
import com.wedsync.calsync.sync.plan.Conflict;
import com.wedsync.calsync.wedding.WeddingEvent;

import org.springframework.stereotype.Component;

/** Records the planner's decisions that discarded a value, for the planner to review. */
@Component
class ConflictRecorder {

	private final ConflictRepository conflicts;

	ConflictRecorder(ConflictRepository conflicts) {
		this.conflicts = conflicts;
	}

	void record(ReconcileContext context, WeddingEvent event, UUID calendarId, Conflict conflict) {
		this.conflicts.record(context.integrationId(), (event != null) ? event.id() : null, calendarId,
				(conflict.field() != null) ? conflict.field().name() : null, conflict.rule().name(),
				conflict.keptValue(), conflict.discardedValue());
		context.counts().conflict(conflict.rule().name());
	}

}
