package com.wedsync.calsync.sync.reconcile;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import com.wedsync.calsync.ical.CalendarObject;
import com.wedsync.calsync.ical.CalendarObjectParser;
import com.wedsync.calsync.sync.pull.ApplyOutcome;
import com.wedsync.calsync.sync.pull.RemoteChangeApplier;
import com.wedsync.calsync.sync.staging.StagedChange;
import com.wedsync.calsync.sync.staging.StagingState;
import com.wedsync.calsync.sync.staging.SyncStagingRepository;
import com.wedsync.calsync.wedding.WeddingEvent;
import com.wedsync.calsync.wedding.WeddingEventRepository;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciles one event, named by its UID, in one sync. Events of a wedding (and new ones
 * that join one, {@link WeddingOfNewEvent}) are synced both ways by
 * {@link WeddingEventSync}; events that belong to no wedding are the calendar's own and
 * are only imported ({@link RemoteChangeApplier}).
 */
@Component
public class EventReconciler {

	private final WeddingEventRepository events;

	private final SyncStagingRepository staging;

	private final CalendarObjectParser parser;

	private final RemoteChangeApplier importer;

	private final WeddingEventSync weddingEvents;

	private final NewEventImport newEvents;

	private final WeddingOfNewEvent weddingOfNewEvent;

	private final TransactionTemplate transaction;

	EventReconciler(WeddingEventRepository events, SyncStagingRepository staging, CalendarObjectParser parser,
			RemoteChangeApplier importer, WeddingEventSync weddingEvents, NewEventImport newEvents,
			WeddingOfNewEvent weddingOfNewEvent, PlatformTransactionManager transactionManager) {
		this.transaction = new TransactionTemplate(transactionManager);
		this.newEvents = newEvents;
		this.weddingOfNewEvent = weddingOfNewEvent;
		this.events = events;
		this.staging = staging;
		this.parser = parser;
		this.importer = importer;
		this.weddingEvents = weddingEvents;
	}

	/**
	 * Reconciles a chunk of events: new calendar events in bulk ({@link NewEventImport}),
	 * the rest one by one. A single UID (a chunk retried item by item) always goes the
	 * per-event way. No transaction spans the chunk: each piece of work commits on its
	 * own and hands what it did to {@code done} once committed, so the counts are true
	 * however far a failing chunk got.
	 */
	public void reconcileAll(ReconcileRun run, List<String> uids, Consumer<ReconcileCounts> done) {
		Set<String> imported = Set.of();
		if (uids.size() > 1) {
			ReconcileContext context = run.context();
			imported = this.transaction.execute((status) -> this.newEvents.importNew(context, uids));
			done.accept(context.counts());
		}
		for (String uid : uids) {
			if (!imported.contains(uid)) {
				ReconcileContext context = run.context();
				reconcile(context, uid);
				done.accept(context.counts());
			}
		}
	}

	public void reconcile(ReconcileContext context, String uid) {
		Optional<WeddingEvent> event = this.events.findPlatformEvent(context.tenantId(), uid);
		if (event.isPresent()) {
			this.weddingEvents.reconcile(context, event.get(), null, uid,
					this.staging.findForEvent(context.integrationId(), event.get().id(), uid));
			return;
		}
		List<StagedChange> changes = this.staging.findForImport(context.integrationId(), uid);
		Optional<UUID> wedding = this.weddingOfNewEvent.of(context.tenantId(), uid, changes);
		if (wedding.isPresent()) {
			this.weddingEvents.reconcile(context, null, wedding.get(), uid, changes);
			return;
		}
		for (StagedChange change : changes) {
			this.transaction.executeWithoutResult((status) -> importChange(context, change));
		}
	}

	private void importChange(ReconcileContext context, StagedChange change) {
		ApplyOutcome outcome;
		if (change.state() == StagingState.GONE) {
			outcome = this.importer.delete(change.calendarId(), change.href());
		}
		else {
			CalendarObject object = this.parser.parse(change.icalendar());
			outcome = this.importer.upsert(context.tenantId(), change.calendarId(), change.href(), change.etag(),
					object);
		}
		switch (outcome) {
			case CREATED -> context.counts().created(ReconcileCounts.Direction.TO_PLATFORM);
			case UPDATED, LINKED -> context.counts().updated(ReconcileCounts.Direction.TO_PLATFORM);
			case DELETED -> context.counts().deleted(ReconcileCounts.Direction.TO_PLATFORM);
			default -> {
			}
		}
		this.staging.markApplied(change.calendarId(), change.href(), outcome.name());
	}

}
