package com.wedsync.calsync.wedding;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.ical.EventTiming;
import com.wedsync.calsync.sync.outbox.SyncOutbox;
import com.wedsync.calsync.security.TenantScope;
import com.wedsync.calsync.web.ConflictException;
import com.wedsync.calsync.web.ResourceNotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform changes of wedding events. Each runs in one transaction with the moves of its
 * anchored events and the outbox rows that take all of them to the calendars, so a
 * committed change is never missing from a sync.
 */
@Service
@Transactional
class WeddingEventService {

	private final WeddingRepository weddings;

	private final WeddingEventRepository events;

	private final EventRenderer renderer;

	private final EventAnchors anchors;

	private final AnchoredEventMover mover;

	private final SyncOutbox outbox;

	private final ApplicationEventPublisher publisher;

	WeddingEventService(WeddingRepository weddings, WeddingEventRepository events, EventRenderer renderer,
			EventAnchors anchors, AnchoredEventMover mover, SyncOutbox outbox, ApplicationEventPublisher publisher) {
		this.weddings = weddings;
		this.events = events;
		this.renderer = renderer;
		this.anchors = anchors;
		this.mover = mover;
		this.outbox = outbox;
		this.publisher = publisher;
	}

	public WeddingEvent create(UUID weddingId, CreateEventRequest request) {
		Wedding wedding = wedding(weddingId);
		EventFields fields = EventRequestReader.fieldsToCreate(request, wedding);
		EventAnchor anchor = null;
		if (request.anchor() != null) {
			WeddingEvent anchorEvent = this.anchors.resolve(request.anchor(), weddingId, null);
			anchor = new EventAnchor(anchorEvent.id(), Duration.ofMinutes(request.anchor().offsetMinutes()));
			fields = EventAnchors.place(fields, anchorEvent, anchor.offset());
		}
		String uid = UUID.randomUUID() + "@wedsync.app";
		EventRenderer.Rendered rendered = this.renderer.renderNew(uid, fields);
		WeddingEvent created = this.events.insertPlatformEvent(wedding, uid, fields, rendered.ics(),
				rendered.contentHash(), anchor);
		this.outbox.markDirty(created.id());
		published(created, List.of(created.timing()));
		return created;
	}

	public WeddingEvent update(UUID eventId, UpdateEventRequest request) {
		WeddingEvent current = liveEvent(eventId);
		ZoneId weddingZone = (current.weddingId() != null) ? ZoneId.of(wedding(current.weddingId()).timeZone()) : null;
		EventFields fields = EventRequestReader.fieldsToUpdate(request, this.renderer.currentFields(current),
				weddingZone);
		EventAnchor anchor = current.anchor();
		if (request.anchor() != null) {
			WeddingEvent anchorEvent = this.anchors.resolve(request.anchor(), current.weddingId(), eventId);
			anchor = new EventAnchor(anchorEvent.id(), Duration.ofMinutes(request.anchor().offsetMinutes()));
			fields = EventAnchors.place(fields, anchorEvent, anchor.offset());
		}
		else if (anchor != null) {
			// a start set by hand keeps the anchor at the new distance
			EventAnchors.requirePlaceable(fields);
			WeddingEvent anchorEvent = this.events.find(anchor.eventId()).orElseThrow();
			anchor = new EventAnchor(anchor.eventId(),
					Duration.between(anchorEvent.timing().start(), fields.timing().start()));
		}
		EventRenderer.Rendered rendered = this.renderer.renderOver(current, fields);
		WeddingEvent updated = this.events.updateFields(eventId, fields, rendered.ics(), rendered.contentHash());
		if (anchor != null && !anchor.equals(current.anchor())) {
			this.events.updateAnchor(eventId, anchor);
		}
		this.outbox.markDirty(eventId);
		this.mover.moveFollowers(eventId, Duration.between(current.timing().start(), updated.timing().start()));
		return published(this.events.find(eventId).orElseThrow(), List.of(current.timing(), updated.timing()));
	}

	/** Soft delete: calendars that hold the event learn it is gone from the outbox. */
	public void delete(UUID eventId) {
		WeddingEvent event = visible(
				this.events.lockForUpdate(eventId).orElseThrow(() -> new ResourceNotFoundException("event", eventId)));
		if (event.deleted()) {
			return;
		}
		this.events.markDeleted(eventId);
		this.outbox.markDirty(eventId);
		published(event, List.of(event.timing()));
	}

	@Transactional(readOnly = true)
	public List<WeddingEvent> list(UUID weddingId) {
		wedding(weddingId);
		return this.events.findLive(weddingId);
	}

	@Transactional(readOnly = true)
	public WeddingEvent get(UUID eventId) {
		return visible(this.events.find(eventId).orElseThrow(() -> new ResourceNotFoundException("event", eventId)));
	}

	private WeddingEvent published(WeddingEvent event, List<EventTiming> timings) {
		if (event.weddingId() != null) {
			this.publisher.publishEvent(new WeddingEventChanged(event.weddingId(), event.id(), timings));
		}
		return event;
	}

	private WeddingEvent liveEvent(UUID eventId) {
		WeddingEvent event = visible(
				this.events.lockForUpdate(eventId).orElseThrow(() -> new ResourceNotFoundException("event", eventId)));
		if (event.deleted()) {
			throw new ConflictException("Event deleted", "Event " + eventId + " is deleted and cannot be changed");
		}
		return event;
	}

	private Wedding wedding(UUID weddingId) {
		Wedding wedding = this.weddings.find(weddingId)
			.orElseThrow(() -> new ResourceNotFoundException("wedding", weddingId));
		TenantScope.check(wedding.tenantId(), "wedding", weddingId);
		return wedding;
	}

	/** Another tenant's event is as unknown as a missing one. */
	private static WeddingEvent visible(WeddingEvent event) {
		TenantScope.check(event.tenantId(), "event", event.id());
		return event;
	}

}
