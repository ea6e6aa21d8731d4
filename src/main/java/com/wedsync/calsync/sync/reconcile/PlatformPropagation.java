package com.wedsync.calsync.sync.reconcile;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.DavException;
import com.wedsync.calsync.caldav.UnauthorizedException;
import com.wedsync.calsync.caldav.CalendarResource;
import com.wedsync.calsync.caldav.MultigetResult;
import com.wedsync.calsync.caldav.PreconditionFailedException;
import com.wedsync.calsync.ical.CalendarObject;
import com.wedsync.calsync.ical.CalendarObjectParser;
import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.sync.plan.CalendarWritePlanner;
import com.wedsync.calsync.integration.Calendar;
import com.wedsync.calsync.integration.CalendarRepository;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.integration.IntegrationStatus;
import com.wedsync.calsync.sync.outbox.SyncOutbox;
import com.wedsync.calsync.sync.staging.StagedChange;
import com.wedsync.calsync.sync.staging.StagingState;
import com.wedsync.calsync.sync.staging.SyncStagingRepository;
import com.wedsync.calsync.sync.status.EventLink;
import com.wedsync.calsync.sync.status.EventLinkRepository;
import com.wedsync.calsync.wedding.EventRenderer;
import com.wedsync.calsync.wedding.Participant;
import com.wedsync.calsync.wedding.ParticipantRepository;
import com.wedsync.calsync.wedding.WeddingEvent;
import com.wedsync.calsync.wedding.WeddingEventRepository;

import org.springframework.stereotype.Component;

/**
 * Makes every calendar that should show a wedding event hold the platform's version of
 * it, and no other calendar hold it: creates, updates (keeping each calendar's alarms and
 * attendees) and deletes, each under a precondition. A calendar whose copy changed
 * meanwhile (412) is not overwritten: its fresh copy is handed back to be merged like any
 * remote change. Settles the event's outbox rows.
 */
@Component
class PlatformPropagation {

	private static final Log logger = LogFactory.getLog(PlatformPropagation.class);

	private final CalendarObjectParser parser;

	private final WeddingEventRepository events;

	private final ParticipantRepository participants;

	private final CalendarRepository calendars;

	private final EventLinkRepository links;

	private final CalendarPusher pusher;

	private final SyncOutbox outbox;

	private final SyncStagingRepository staging;

	private final IntegrationRepository integrations;

	private final EventRenderer renderer;

	PlatformPropagation(CalendarObjectParser parser, WeddingEventRepository events, ParticipantRepository participants,
			CalendarRepository calendars, EventLinkRepository links, CalendarPusher pusher, SyncOutbox outbox,
			SyncStagingRepository staging, IntegrationRepository integrations, EventRenderer renderer) {
		this.renderer = renderer;
		this.staging = staging;
		this.integrations = integrations;
		this.parser = parser;
		this.events = events;
		this.participants = participants;
		this.calendars = calendars;
		this.links = links;
		this.pusher = pusher;
		this.outbox = outbox;
	}

	/**
	 * @param written calendars whose copy already matches a version of the event (from
	 * the remote changes just merged), by calendar id
	 * @return the fresh copies of calendars that changed meanwhile, to merge
	 */
	List<StagedChange> propagate(ReconcileContext context, WeddingEvent event, Map<UUID, Long> written) {
		List<StagedChange> changedMeanwhile = new ArrayList<>();
		Set<UUID> targets = targets(event);
		Set<UUID> involved = new LinkedHashSet<>(targets);
		this.links.findByEventId(event.id()).forEach((link) -> involved.add(link.calendarId()));
		EventFields fields = fields(event);
		for (UUID calendarId : involved) {
			Calendar calendar = this.calendars.find(calendarId).orElseThrow();
			if (!writable(calendar)) {
				continue; // guarded, removed, or its account paused or refused: the
							// outbox row waits
			}
			try {
				Optional<StagedChange> fresh = write(context, calendar, event, fields, targets.contains(calendarId),
						written);
				if (fresh.isPresent()) {
					changedMeanwhile.add(fresh.get());
					continue; // its outbox row stays until the merged version is written
				}
				this.outbox.remove(event.id(), calendarId);
			}
			catch (DavException ex) {
				if (calendar.integrationId().equals(context.integrationId())) {
					throw ex;
				}
				// Another account's calendar: its trouble must not stop this account's
				// sync. The outbox row stays; that account's own sync retries it.
				if (ex instanceof UnauthorizedException) {
					this.integrations.markAuthFailed(calendar.integrationId(),
							"The server refused the credentials; replace the app-specific password");
				}
				logger.warn(
						"Could not write event " + event.id() + " to calendar " + calendarId + ": " + ex.getMessage());
			}
		}
		return changedMeanwhile;
	}

	/**
	 * Brings one calendar in line with the platform, as {@link CalendarWritePlanner}
	 * decides.
	 * @return the calendar's fresh copy when it changed meanwhile, to merge first
	 */
	private Optional<StagedChange> write(ReconcileContext context, Calendar calendar, WeddingEvent event,
			EventFields fields, boolean shows, Map<UUID, Long> written) {
		KnownCopy copy = new KnownCopy(calendar.id(), event, shows, written);
		CalDavClient client = context.sessions().forIntegration(calendar.integrationId());
		return switch (CalendarWritePlanner.plan(fields, copy)) {
			case NOTHING -> Optional.empty();
			case MERGE_UNLINKED_COPY -> copy.unlinkedCopy;
			case DELETE -> {
				this.pusher.delete(client, copy.link.orElseThrow(), copy.link.orElseThrow().etag());
				context.counts().deleted(ReconcileCounts.Direction.TO_CALENDAR);
				yield Optional.empty();
			}
			case CREATE -> create(context, client, calendar, event, fields);
			case UPDATE -> {
				Optional<StagedChange> fresh = update(client, calendar, copy.link.orElseThrow(), event, fields);
				if (fresh.isEmpty()) {
					context.counts().updated(ReconcileCounts.Direction.TO_CALENDAR);
				}
				yield fresh;
			}
		};
	}

	private Optional<StagedChange> create(ReconcileContext context, CalDavClient client, Calendar calendar,
			WeddingEvent event, EventFields fields) {
		try {
			this.pusher.create(client, calendar, WeddingEventReconciler.state(event, fields), null, null);
		}
		catch (PreconditionFailedException ex) {
			return ownCopy(client, calendar, event, ex);
		}
		context.counts().created(ReconcileCounts.Direction.TO_CALENDAR);
		return Optional.empty();
	}

	/** A calendar's copy of an event as the database knows it, looked up as asked. */
	private final class KnownCopy implements CalendarWritePlanner.CalendarCopy {

		private final UUID calendarId;

		private final WeddingEvent event;

		private final boolean shows;

		private final Map<UUID, Long> written;

		private final Optional<EventLink> link;

		private Optional<StagedChange> unlinkedCopy = Optional.empty();

		KnownCopy(UUID calendarId, WeddingEvent event, boolean shows, Map<UUID, Long> written) {
			this.calendarId = calendarId;
			this.event = event;
			this.shows = shows;
			this.written = written;
			this.link = PlatformPropagation.this.links.findByEvent(event.id(), calendarId);
		}

		@Override
		public boolean shows() {
			return this.shows;
		}

		@Override
		public boolean linked() {
			return this.link.isPresent();
		}

		@Override
		public boolean writtenThisSync() {
			return Objects.equals(this.written.get(this.calendarId), this.event.version());
		}

		@Override
		public EventFields linkedBase() {
			return PlatformPropagation.this.parser.parse(this.link.orElseThrow().baseIcs()).fields();
		}

		@Override
		public boolean holdsUnlinkedCopy() {
			this.unlinkedCopy = stagedCopy(this.calendarId, this.event);
			return this.unlinkedCopy.isPresent();
		}

	}

	private boolean writable(Calendar calendar) {
		return calendar.isSynced() && this.integrations.find(calendar.integrationId())
			.map((integration) -> integration.status() == IntegrationStatus.ACTIVE)
			.orElse(false);
	}

	/** The platform fields of an event. */
	EventFields fields(WeddingEvent event) {
		return this.renderer.currentFields(event);
	}

	/**
	 * A calendar-side copy of a platform event: same summary, start and location, in the
	 * wedding the calendar belongs to, not yet held by that calendar. Linked, not
	 * imported twice.
	 */
	Optional<WeddingEvent> findCopy(UUID weddingId, UUID calendarId, CalendarObject remote) {
		return this.events.findLive(weddingId)
			.stream()
			.filter((e) -> CalendarWritePlanner.isCopy(fields(e), remote.fields()))
			.filter((e) -> this.links.findByEvent(e.id(), calendarId).isEmpty())
			.findFirst();
	}

	private Optional<StagedChange> stagedCopy(UUID calendarId, WeddingEvent event) {
		EventFields platform = fields(event);
		return this.staging.findUnlinkedFetched(calendarId)
			.stream()
			.filter((change) -> CalendarWritePlanner.isCopy(platform, this.parser.parse(change.icalendar()).fields()))
			.findFirst();
	}

	private Set<UUID> targets(WeddingEvent event) {
		Set<UUID> targets = new LinkedHashSet<>();
		if (!event.deleted()) {
			for (Participant participant : this.participants.findByWedding(event.weddingId())) {
				if (participant.shows(event.kind())) {
					targets.add(participant.calendarId());
				}
			}
		}
		return targets;
	}

	/**
	 * A create answered 412: the resource named after the event's UID exists already.
	 * With the same UID it is our own earlier write whose link was lost (the process died
	 * between the PUT and the commit): its copy is handed back to be merged, which links
	 * it instead of creating a second one. Anything else under that name is not ours to
	 * overwrite.
	 */
	private Optional<StagedChange> ownCopy(CalDavClient client, Calendar calendar, WeddingEvent event,
			PreconditionFailedException refused) {
		URI href = CalendarPusher.resourceUrl(calendar, event.uid());
		MultigetResult existing = client.multiget(calendar.href(), List.of(href));
		if (existing.found().isEmpty()) {
			throw refused;
		}
		CalendarResource current = existing.found().get(0);
		if (!event.uid().equals(this.parser.parse(current.icalendar()).uid())) {
			throw refused;
		}
		return Optional.of(new StagedChange(calendar.integrationId(), calendar.id(), href, current.etag(),
				current.icalendar(), StagingState.FETCHED));
	}

	/**
	 * Writes the platform's version over the calendar's last known copy.
	 * @return the calendar's fresh copy when it changed since (412), to merge first
	 */
	private Optional<StagedChange> update(CalDavClient client, Calendar calendar, EventLink link, WeddingEvent event,
			EventFields fields) {
		try {
			this.pusher.update(client, link, link.baseIcs(), link.etag(), WeddingEventReconciler.state(event, fields));
			return Optional.empty();
		}
		catch (PreconditionFailedException ex) {
			MultigetResult fresh = client.multiget(calendar.href(), List.of(link.href()));
			if (fresh.found().isEmpty()) {
				return Optional.of(new StagedChange(calendar.integrationId(), calendar.id(), link.href(), null, null,
						StagingState.GONE));
			}
			CalendarResource current = fresh.found().get(0);
			return Optional.of(new StagedChange(calendar.integrationId(), calendar.id(), link.href(), current.etag(),
					current.icalendar(), StagingState.FETCHED));
		}
	}

}
