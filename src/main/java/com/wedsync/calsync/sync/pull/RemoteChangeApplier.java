package com.wedsync.calsync.sync.pull;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.wedsync.calsync.ical.CalendarObject;
import com.wedsync.calsync.sync.status.EventLink;
import com.wedsync.calsync.sync.status.EventLinkRepository;
import com.wedsync.calsync.wedding.WeddingEvent;
import com.wedsync.calsync.wedding.WeddingEventRepository;

import org.springframework.stereotype.Component;

/**
 * Applies one remote change of one calendar to the platform's events and the links. A
 * change is an ETag change <em>and</em> a content change: a new ETag over the same
 * normalised content only moves the link's ETag. The event is the calendar's own copy:
 * the same UID in another calendar (an invitation that planner and vendor both hold) is
 * another event, so an edit of one copy changes only that calendar's view.
 * <p>
 * Not thread-safe per calendar; callers run inside the caller's transaction.
 */
@Component
public class RemoteChangeApplier {

	private static final Log logger = LogFactory.getLog(RemoteChangeApplier.class);

	private final WeddingEventRepository events;

	private final EventLinkRepository links;

	RemoteChangeApplier(WeddingEventRepository events, EventLinkRepository links) {
		this.events = events;
		this.links = links;
	}

	/** A resource was created or modified on the server. */
	public ApplyOutcome upsert(String tenantId, UUID calendarId, URI href, String etag, CalendarObject object) {
		Optional<EventLink> link = this.links.findByHref(calendarId, href);
		if (link.isPresent()) {
			WeddingEvent linked = this.events.find(link.get().eventId()).orElseThrow();
			if (linked.uid().equals(object.uid()) && calendarId.equals(linked.originCalendarId())) {
				return update(link.get(), etag, object);
			}
			// The href now holds another event, or a copy imported before copies were
			// each calendar's own still shares another calendar's: it leaves that one.
			unlink(link.get());
		}
		Optional<WeddingEvent> sameUid = this.events.findImported(tenantId, calendarId, object.uid());
		if (sameUid.isEmpty()) {
			WeddingEvent created = this.events.insert(tenantId, calendarId, object);
			this.links.insert(created.id(), calendarId, href, etag, object.contentHash(), object.icalendar(),
					created.version());
			return ApplyOutcome.CREATED;
		}
		WeddingEvent event = sameUid.get();
		if (this.links.findByEvent(event.id(), calendarId).isPresent()) {
			logger.warn("Calendar " + calendarId + " holds UID " + object.uid() + " twice; keeping the first, ignoring "
					+ href);
			return ApplyOutcome.DUPLICATE;
		}
		if (event.deleted() || !event.contentHash().equals(object.contentHash())) {
			event = this.events.updateContent(event.id(), object);
		}
		this.links.insert(event.id(), calendarId, href, etag, object.contentHash(), object.icalendar(),
				event.version());
		return ApplyOutcome.LINKED;
	}

	/** A resource was deleted on the server. */
	public ApplyOutcome delete(UUID calendarId, URI href) {
		return this.links.findByHref(calendarId, href).map(this::unlink).orElse(ApplyOutcome.UNCHANGED);
	}

	private ApplyOutcome update(EventLink link, String etag, CalendarObject object) {
		if (link.contentHash().equals(object.contentHash())) {
			this.links.updateEtag(link.id(), etag);
			return ApplyOutcome.UNCHANGED;
		}
		WeddingEvent updated = this.events.updateContent(link.eventId(), object);
		this.links.update(link.id(), etag, object.contentHash(), object.icalendar(), updated.version());
		return ApplyOutcome.UPDATED;
	}

	private ApplyOutcome unlink(EventLink link) {
		this.links.delete(link.id());
		WeddingEvent event = this.events.find(link.eventId()).orElseThrow();
		// An event of a wedding stays: the platform owns it. An imported one lives as
		// long as some calendar holds it.
		if (event.weddingId() == null && this.links.countByEvent(event.id()) == 0) {
			this.events.markDeleted(event.id());
		}
		return ApplyOutcome.DELETED;
	}

}
