package com.wedsync.calsync.sync.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.wedsync.calsync.ical.CalendarObject;
import com.wedsync.calsync.ical.CalendarObjectParser;
import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.ical.EventKind;
import com.wedsync.calsync.integration.Calendar;
import com.wedsync.calsync.integration.CalendarRepository;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.integration.IntegrationStatus;
import com.wedsync.calsync.sync.plan.CalendarWritePlanner;
import com.wedsync.calsync.sync.plan.EventState;
import com.wedsync.calsync.sync.plan.EventState.CalendarCopy;
import com.wedsync.calsync.sync.plan.EventState.HandMadeCopy;
import com.wedsync.calsync.sync.plan.EventState.LinkedCopy;
import com.wedsync.calsync.sync.plan.EventState.RemoteChange;
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
 * Reads what {@link com.wedsync.calsync.sync.plan.EventPlanner} plans from: the
 * platform's event as stored now, its staged remote changes parsed, and every calendar of
 * its wedding with the copy each holds. Reads only; no transaction is needed, since every
 * write the plan leads to is conditional on what was read.
 */
@Component
class EventStateLoader {

	private final CalendarObjectParser parser;

	private final EventRenderer renderer;

	private final WeddingEventRepository events;

	private final ParticipantRepository participants;

	private final CalendarRepository calendars;

	private final IntegrationRepository integrations;

	private final EventLinkRepository links;

	private final SyncStagingRepository staging;

	EventStateLoader(CalendarObjectParser parser, EventRenderer renderer, WeddingEventRepository events,
			ParticipantRepository participants, CalendarRepository calendars, IntegrationRepository integrations,
			EventLinkRepository links, SyncStagingRepository staging) {
		this.parser = parser;
		this.renderer = renderer;
		this.events = events;
		this.participants = participants;
		this.calendars = calendars;
		this.integrations = integrations;
		this.links = links;
		this.staging = staging;
	}

	/**
	 * @param eventId the platform event, or {@code null} for one made in a calendar
	 * @param weddingId the wedding a new event joins (when {@code eventId} is null)
	 * @param uid the UID of a new event
	 */
	LoadedEvent load(UUID eventId, UUID weddingId, String uid, List<StagedChange> changes) {
		WeddingEvent event = (eventId != null) ? this.events.find(eventId).orElseThrow()
				: handMadeCopyOf(weddingId, changes).orElse(null);
		UUID wedding = (event != null) ? event.weddingId() : weddingId;
		EventState.Platform platform = (event != null) ? new EventState.Platform(this.renderer.currentFields(event),
				event.updatedAt(), event.deleted(), event.version()) : null;
		List<RemoteChange> remote = changes.stream().map(this::remoteChange).toList();
		Map<UUID, Set<EventKind>> shows = new LinkedHashMap<>();
		for (Participant participant : this.participants.findByWedding(wedding)) {
			shows.put(participant.calendarId(), participant.kinds());
		}
		Map<UUID, EventLink> linked = new LinkedHashMap<>();
		if (event != null) {
			this.links.findByEventId(event.id()).forEach((link) -> linked.put(link.calendarId(), link));
		}
		linked.keySet().forEach((calendarId) -> shows.putIfAbsent(calendarId, Set.of()));
		changes.forEach((change) -> shows.putIfAbsent(change.calendarId(), Set.of()));
		Map<UUID, Calendar> calendars = new LinkedHashMap<>();
		List<CalendarCopy> copies = new ArrayList<>();
		shows.forEach((calendarId, kinds) -> {
			Calendar calendar = this.calendars.find(calendarId).orElseThrow();
			calendars.put(calendarId, calendar);
			copies.add(new CalendarCopy(calendarId, kinds, writable(calendar), linkedCopy(linked.get(calendarId)),
					() -> handMadeCopies(calendarId), calendar.readOnly()));
		});
		return new LoadedEvent(event, wedding, (event != null) ? event.uid() : uid, changes, calendars,
				new EventState(platform, remote, copies));
	}

	private RemoteChange remoteChange(StagedChange change) {
		EventLink link = this.links.findByHref(change.calendarId(), change.href()).orElse(null);
		EventFields base = (link != null) ? this.parser.parse(link.baseIcs()).fields() : null;
		CalendarObject remote = (change.state() == StagingState.FETCHED) ? this.parser.parse(change.icalendar()) : null;
		return new RemoteChange(change.calendarId(), change.href(), base, (remote != null) ? remote.fields() : null,
				(remote != null) ? remote.lastModified() : null, change.etag(),
				(remote != null) ? change.icalendar() : null, (link != null) ? link.baseIcs() : null);
	}

	private LinkedCopy linkedCopy(EventLink link) {
		return (link != null)
				? new LinkedCopy(link.href(), link.etag(), link.baseIcs(), this.parser.parse(link.baseIcs()).fields())
				: null;
	}

	private boolean writable(Calendar calendar) {
		return calendar.isSynced() && this.integrations.find(calendar.integrationId())
			.map((integration) -> integration.status() == IntegrationStatus.ACTIVE)
			.orElse(false);
	}

	private List<HandMadeCopy> handMadeCopies(UUID calendarId) {
		return this.staging.findUnlinkedFetched(calendarId)
			.stream()
			.map((change) -> new HandMadeCopy(change.href(), this.parser.parse(change.icalendar()).fields()))
			.toList();
	}

	/**
	 * A platform event an event new to a calendar copies by hand: same title, start and
	 * place, in the wedding, not yet held by that calendar. It is linked, not imported a
	 * second time.
	 */
	private Optional<WeddingEvent> handMadeCopyOf(UUID weddingId, List<StagedChange> changes) {
		Optional<StagedChange> fetched = changes.stream()
			.filter((change) -> change.state() == StagingState.FETCHED)
			.findFirst();
		if (fetched.isEmpty()) {
			return Optional.empty();
		}
		EventFields remote = this.parser.parse(fetched.get().icalendar()).fields();
		UUID calendarId = fetched.get().calendarId();
		return this.events.findLive(weddingId)
			.stream()
			.filter((e) -> CalendarWritePlanner.isCopy(this.renderer.currentFields(e), remote))
			.filter((e) -> this.links.findByEvent(e.id(), calendarId).isEmpty())
			.findFirst();
	}

	/** The state planned from, with what executing its plan needs besides. */
	record LoadedEvent(WeddingEvent event, UUID weddingId, String uid, List<StagedChange> changes,
			Map<UUID, Calendar> calendars, EventState state) {
	}

}
