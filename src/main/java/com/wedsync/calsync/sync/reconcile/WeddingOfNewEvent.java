package com.wedsync.calsync.sync.reconcile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.wedsync.calsync.ical.CalendarObjectParser;
import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.sync.plan.SeriesSplit;
import com.wedsync.calsync.sync.staging.StagedChange;
import com.wedsync.calsync.sync.staging.StagingState;
import com.wedsync.calsync.sync.staging.SyncStagingRepository;
import com.wedsync.calsync.sync.status.EventLink;
import com.wedsync.calsync.sync.status.EventLinkRepository;
import com.wedsync.calsync.wedding.Participant;
import com.wedsync.calsync.wedding.ParticipantRepository;
import com.wedsync.calsync.wedding.WeddingEvent;
import com.wedsync.calsync.wedding.WeddingEventRepository;

import org.springframework.stereotype.Component;

/**
 * Which wedding an event new to a calendar joins. In a calendar of exactly one wedding,
 * that one. In a calendar of several (a planner's), the wedding of the series it
 * continues when it is the rest of a series cut by iOS's "this and future"
 * ({@link SeriesSplit}); anything else made there cannot be placed and stays the
 * calendar's own.
 */
@Component
class WeddingOfNewEvent {

	private final WeddingEventRepository events;

	private final ParticipantRepository participants;

	private final EventLinkRepository links;

	private final SyncStagingRepository staging;

	private final CalendarObjectParser parser;

	WeddingOfNewEvent(WeddingEventRepository events, ParticipantRepository participants, EventLinkRepository links,
			SyncStagingRepository staging, CalendarObjectParser parser) {
		this.events = events;
		this.participants = participants;
		this.links = links;
		this.staging = staging;
		this.parser = parser;
	}

	/**
	 * @param changes the staged changes of one UID no wedding has
	 * @return the wedding it joins, or empty when it stays the calendar's own
	 */
	Optional<UUID> of(String tenantId, String uid, List<StagedChange> changes) {
		if (changes.size() != 1 || changes.get(0).state() != StagingState.FETCHED
				|| this.events.findImported(tenantId, changes.get(0).calendarId(), uid).isPresent()) {
			return Optional.empty();
		}
		UUID calendarId = changes.get(0).calendarId();
		List<Participant> weddings = this.participants.findByCalendar(calendarId);
		if (weddings.size() == 1) {
			return Optional.of(weddings.get(0).weddingId());
		}
		Set<UUID> continued = cutSeries(calendarId, weddings)
			.continuedBy(this.parser.parse(changes.get(0).icalendar()).fields());
		return (continued.size() == 1) ? Optional.of(continued.iterator().next()) : Optional.empty();
	}

	/**
	 * The series of the calendar's weddings as the calendar holds them now (this sync's
	 * fetched copy, else the last agreed one), to match continuations against; none for a
	 * calendar of fewer than two weddings.
	 */
	CutSeries cutSeries(UUID calendarId) {
		return cutSeries(calendarId, this.participants.findByCalendar(calendarId));
	}

	private CutSeries cutSeries(UUID calendarId, List<Participant> weddings) {
		Map<UUID, List<EventFields>> byWedding = new HashMap<>();
		if (weddings.size() < 2) {
			return new CutSeries(byWedding);
		}
		for (Participant wedding : weddings) {
			for (WeddingEvent event : this.events.findLive(wedding.weddingId())) {
				Optional<EventLink> link = (event.recurrenceRule() != null)
						? this.links.findByEvent(event.id(), calendarId) : Optional.empty();
				link.ifPresent((copy) -> byWedding.computeIfAbsent(wedding.weddingId(), (id) -> new ArrayList<>())
					.add(this.parser.parse(current(calendarId, copy)).fields()));
			}
		}
		return new CutSeries(byWedding);
	}

	/** The calendar's copy as this sync fetched it, else as both sides last agreed. */
	private String current(UUID calendarId, EventLink copy) {
		return this.staging.fetchedBody(calendarId, copy.href()).orElse(copy.baseIcs());
	}

	/** The recurring wedding events of one calendar, by wedding. */
	record CutSeries(Map<UUID, List<EventFields>> byWedding) {

		/** The weddings with a series that the new event continues. */
		Set<UUID> continuedBy(EventFields newEvent) {
			Set<UUID> weddings = new LinkedHashSet<>();
			this.byWedding.forEach((wedding, series) -> {
				if (series.stream().anyMatch((copy) -> SeriesSplit.continues(copy, newEvent))) {
					weddings.add(wedding);
				}
			});
			return weddings;
		}

	}

}
