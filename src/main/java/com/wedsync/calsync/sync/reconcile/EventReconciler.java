package com.wedsync.calsync.sync.reconcile;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.wedsync.calsync.ical.CalendarObject;
import com.wedsync.calsync.ical.CalendarObjectParser;
import com.wedsync.calsync.sync.pull.ApplyOutcome;
import com.wedsync.calsync.sync.pull.RemoteChangeApplier;
import com.wedsync.calsync.sync.staging.StagedChange;
import com.wedsync.calsync.sync.staging.StagingState;
import com.wedsync.calsync.sync.staging.SyncStagingRepository;
import com.wedsync.calsync.wedding.Participant;
import com.wedsync.calsync.wedding.ParticipantRepository;
import com.wedsync.calsync.wedding.WeddingEvent;
import com.wedsync.calsync.wedding.WeddingEventRepository;

import org.springframework.stereotype.Component;

/**
 * Reconciles one event, named by its UID, in one sync. Events of a wedding (and new ones
 * made in a calendar that belongs to exactly one wedding) are synced both ways by
 * {@link WeddingEventReconciler}; events that belong to no wedding are the calendar's own
 * and are only imported ({@link RemoteChangeApplier}).
 */
@Component
public class EventReconciler {

	private final WeddingEventRepository events;

	private final SyncStagingRepository staging;

	private final ParticipantRepository participants;

	private final CalendarObjectParser parser;

	private final RemoteChangeApplier importer;

	private final WeddingEventReconciler weddingEvents;

	private final NewEventImport newEvents;

	EventReconciler(WeddingEventRepository events, SyncStagingRepository staging, ParticipantRepository participants,
			CalendarObjectParser parser, RemoteChangeApplier importer, WeddingEventReconciler weddingEvents,
			NewEventImport newEvents) {
		this.newEvents = newEvents;
		this.events = events;
		this.staging = staging;
		this.participants = participants;
		this.parser = parser;
		this.importer = importer;
		this.weddingEvents = weddingEvents;
	}

	/**
	 * Reconciles a chunk of events: new calendar events in bulk ({@link NewEventImport}),
	 * the rest one by one. A single UID (a chunk retried item by item) always goes the
	 * per-event way.
	 */
	public void reconcileAll(ReconcileContext context, List<String> uids) {
		Set<String> imported = (uids.size() > 1) ? this.newEvents.importNew(context, uids) : Set.of();
		for (String uid : uids) {
			if (!imported.contains(uid)) {
				reconcile(context, uid);
			}
		}
	}

	public void reconcile(ReconcileContext context, String uid) {
		Optional<WeddingEvent> event = this.events.findPlatformEvent(context.tenantId(), uid)
			.flatMap((found) -> this.events.lockForUpdate(found.id()));
		if (event.isPresent()) {
			this.weddingEvents.reconcile(context, event.get(), null,
					this.staging.findForEvent(context.integrationId(), event.get().id(), uid));
			return;
		}
		List<StagedChange> changes = this.staging.findForImport(context.integrationId(), uid);
		UUID wedding = onlyWeddingOf(context, uid, changes);
		if (wedding != null) {
			this.weddingEvents.reconcile(context, null, wedding, changes);
			return;
		}
		for (StagedChange change : changes) {
			importChange(context, change);
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

	/**
	 * A new event made in a calendar joins that calendar's wedding, when the calendar
	 * takes part in exactly one; in a calendar shared by several weddings it cannot be
	 * placed. An event the calendar had before it joined a wedding stays its own.
	 */
	private UUID onlyWeddingOf(ReconcileContext context, String uid, List<StagedChange> changes) {
		if (changes.size() != 1 || changes.get(0).state() != StagingState.FETCHED
				|| this.events.findImported(context.tenantId(), changes.get(0).calendarId(), uid).isPresent()) {
			return null;
		}
		List<Participant> weddings = this.participants.findByCalendar(changes.get(0).calendarId());
		return (weddings.size() == 1) ? weddings.get(0).weddingId() : null;
	}

}
