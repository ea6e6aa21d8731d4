package com.wedsync.calsync.sync.reconcile;

import java.util.UUID;

import com.wedsync.calsync.sync.conflict.ConflictRecorded;
import com.wedsync.calsync.sync.conflict.ConflictRepository;
import com.wedsync.calsync.sync.plan.Conflict;
import com.wedsync.calsync.wedding.WeddingEvent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records the planner's decisions that discarded a value, for the planner to review, and
 * publishes each as {@link ConflictRecorded} in the sync's transaction.
 */
@Component
class ConflictRecorder {

	private final ConflictRepository conflicts;

	private final ApplicationEventPublisher events;

	ConflictRecorder(ConflictRepository conflicts, ApplicationEventPublisher events) {
		this.conflicts = conflicts;
		this.events = events;
	}

	void record(ReconcileContext context, WeddingEvent event, UUID calendarId, Conflict conflict) {
		UUID eventId = (event != null) ? event.id() : null;
		String field = (conflict.field() != null) ? conflict.field().name() : null;
		UUID id = this.conflicts.record(context.integrationId(), eventId, calendarId, field, conflict.rule().name(),
				conflict.keptValue(), conflict.discardedValue());
		context.counts().conflict(conflict.rule().name());
		this.events.publishEvent(new ConflictRecorded(id, context.tenantId(), context.integrationId(), eventId,
				calendarId, field, conflict.rule().name()));
	}

}
