package com.wedsync.calsync.sync.reconcile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.wedsync.calsync.ical.CalendarObject;
import com.wedsync.calsync.ical.CalendarObjectParser;
import com.wedsync.calsync.sync.pull.ApplyOutcome;
import com.wedsync.calsync.sync.staging.StagedChange;
import com.wedsync.calsync.sync.staging.StagingState;
import com.wedsync.calsync.sync.staging.SyncStagingRepository;
import com.wedsync.calsync.sync.status.EventLinkRepository;
import com.wedsync.calsync.wedding.ParticipantRepository;
import com.wedsync.calsync.wedding.WeddingEventRepository;

import org.springframework.stereotype.Component;

/**
 * The common case of an initial import, for a whole chunk at once: UIDs that are no
 * wedding's and that the calendar never had, each staged once, fetched, in a calendar
 * that is not the calendar of exactly one wedding. Each becomes a new event and its link,
 * exactly as {@link EventReconciler#reconcile} would make them, but with a handful of
 * statements per chunk instead of about ten round trips per event. Every other UID
 * (known, in several calendars, deleted, unparseable, joining a wedding, continuing a
 * series cut on a phone) is left to the per-event path.
 */
@Component
class NewEventImport {

	private final WeddingEventRepository events;

	private final EventLinkRepository links;

	private final SyncStagingRepository staging;

	private final ParticipantRepository participants;

	private final CalendarObjectParser parser;

	private final WeddingOfNewEvent weddingOfNewEvent;

	NewEventImport(WeddingEventRepository events, EventLinkRepository links, SyncStagingRepository staging,
			ParticipantRepository participants, CalendarObjectParser parser, WeddingOfNewEvent weddingOfNewEvent) {
		this.weddingOfNewEvent = weddingOfNewEvent;
		this.events = events;
		this.links = links;
		this.staging = staging;
		this.participants = participants;
		this.parser = parser;
	}

	/** Imports what it can of {@code uids}; the UIDs it handled. */
	Set<String> importNew(ReconcileContext context, List<String> uids) {
		Map<String, Set<String>> known = this.events.existingUids(context.tenantId(), uids);
		List<String> notOfTheWeddings = uids.stream()
			.filter((uid) -> !known.getOrDefault(uid, Set.of()).contains(WeddingEventRepository.PLATFORM_SCOPE))
			.toList();
		Map<String, List<StagedChange>> staged = this.staging.findUnlinkedByUids(context.integrationId(),
				notOfTheWeddings);
		Map<UUID, Boolean> ofOneWedding = new HashMap<>();
		Map<String, StagedChange> candidates = new LinkedHashMap<>();
		staged.forEach((uid, list) -> {
			StagedChange change = list.get(0);
			boolean importedBefore = known.getOrDefault(uid, Set.of()).contains(change.calendarId().toString());
			if (list.size() == 1 && change.state() == StagingState.FETCHED && !importedBefore && !ofOneWedding
				.computeIfAbsent(change.calendarId(), (id) -> this.participants.findByCalendar(id).size() == 1)) {
				candidates.put(uid, change);
			}
		});
		// the rest of a series cut on a planner's phone joins that series' wedding
		Map<UUID, WeddingOfNewEvent.CutSeries> cutSeries = new HashMap<>();
		candidates.values()
			.forEach((change) -> cutSeries.computeIfAbsent(change.calendarId(), this.weddingOfNewEvent::cutSeries));
		// parsing is pure CPU, most of an import's own time: on the common pool's cores
		List<NewEvent> imported = candidates.entrySet()
			.parallelStream()
			.map((candidate) -> newEvent(candidate.getKey(), candidate.getValue()))
			.filter(Objects::nonNull)
			.filter((
					event) -> cutSeries.get(event.change().calendarId()).continuedBy(event.object().fields()).isEmpty())
			.toList();
		List<UUID> ids = this.events.insertAll(context.tenantId(),
				imported.stream().map((event) -> event.change().calendarId()).toList(),
				imported.stream().map(NewEvent::object).toList());
		List<EventLinkRepository.NewLink> newLinks = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			StagedChange change = imported.get(i).change();
			CalendarObject object = imported.get(i).object();
			newLinks.add(new EventLinkRepository.NewLink(ids.get(i), change.calendarId(), change.href(), change.etag(),
					object.contentHash(), object.icalendar(), 1));
			context.counts().created(ReconcileCounts.Direction.TO_PLATFORM);
		}
		this.links.insertAll(newLinks);
		this.staging.markAppliedAll(imported.stream().map(NewEvent::change).toList(), ApplyOutcome.CREATED.name());
		return imported.stream().map((event) -> event.object().uid()).collect(Collectors.toSet());
	}

	/**
	 * The new event a staged change makes, or {@code null} when its body is unparseable
	 * or names another UID: the per-event path fails it the usual way (skip, dead
	 * letter).
	 */
	private NewEvent newEvent(String uid, StagedChange change) {
		try {
			CalendarObject object = this.parser.parse(change.icalendar());
			return object.uid().equals(uid) ? new NewEvent(change, object) : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private record NewEvent(StagedChange change, CalendarObject object) {

	}

}
