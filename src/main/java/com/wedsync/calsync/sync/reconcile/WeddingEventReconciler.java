package com.wedsync.calsync.sync.reconcile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.ical.CalendarObject;
import com.wedsync.calsync.ical.CalendarObjectParser;
import com.wedsync.calsync.ical.ContentHash;
import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.integration.Calendar;
import com.wedsync.calsync.integration.CalendarRepository;
import com.wedsync.calsync.sync.plan.CalendarSide;
import com.wedsync.calsync.sync.plan.Conflict;
import com.wedsync.calsync.sync.plan.PlatformSide;
import com.wedsync.calsync.sync.plan.SyncAction;
import com.wedsync.calsync.sync.plan.SyncPlanner;
import com.wedsync.calsync.sync.staging.StagedChange;
import com.wedsync.calsync.sync.staging.StagingState;
import com.wedsync.calsync.sync.staging.SyncStagingRepository;
import com.wedsync.calsync.sync.status.EventLink;
import com.wedsync.calsync.sync.status.EventLinkRepository;
import com.wedsync.calsync.wedding.EventRenderer;
import com.wedsync.calsync.wedding.EventRenderer.Rendered;
import com.wedsync.calsync.wedding.WeddingEvent;
import com.wedsync.calsync.wedding.WeddingEventRepository;
import com.wedsync.calsync.wedding.WeddingRepository;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Two-way sync of one wedding event. First every remote change staged for it is merged
 * with the platform (three-way, by {@link SyncPlanner}); then the platform's result is
 * written to every participant calendar that shows the event's kind
 * ({@link PlatformPropagation}), in the same run, whichever account the calendar is on.
 */
@Component
class WeddingEventReconciler {

	private static final int MAX_ROUNDS = 3;

	private final SyncPlanner planner;

	private final CalendarObjectParser parser;

	private final EventRenderer renderer;

	private final WeddingEventRepository events;

	private final WeddingRepository weddings;

	private final EventLinkRepository links;

	private final CalendarRepository calendars;

	private final SyncStagingRepository staging;

	private final CalendarPusher pusher;

	private final ConflictRecorder conflicts;

	private final PlatformPropagation propagation;

	private final ApplicationEventPublisher notices;

	WeddingEventReconciler(SyncPlanner planner, CalendarObjectParser parser, EventRenderer renderer,
			WeddingEventRepository events, WeddingRepository weddings, EventLinkRepository links,
			CalendarRepository calendars, SyncStagingRepository staging, CalendarPusher pusher,
			ConflictRecorder conflicts, PlatformPropagation propagation, ApplicationEventPublisher notices) {
		this.planner = planner;
		this.parser = parser;
		this.renderer = renderer;
		this.events = events;
		this.weddings = weddings;
		this.links = links;
		this.calendars = calendars;
		this.staging = staging;
		this.pusher = pusher;
		this.conflicts = conflicts;
		this.propagation = propagation;
		this.notices = notices;
	}

	/**
	 * @param event the platform event, or {@code null} for one made in a calendar
	 * @param weddingId the wedding a new event joins (when {@code event} is null)
	 */
	void reconcile(ReconcileContext context, WeddingEvent event, UUID weddingId, List<StagedChange> changes) {
		Map<UUID, Long> written = new HashMap<>();
		WeddingEvent current = event;
		List<StagedChange> toMerge = changes;
		// A calendar that changed while we wrote to it hands back its fresh copy, which
		// is merged and propagated again; a few rounds settle any realistic race.
		for (int round = 0; round < MAX_ROUNDS && !(round > 0 && toMerge.isEmpty()); round++) {
			for (StagedChange change : toMerge) {
				current = mergeRemoteChange(context, current, weddingId, change);
				if (current != null) {
					written.put(change.calendarId(), current.version());
				}
			}
			if (current == null) {
				return;
			}
			toMerge = this.propagation.propagate(context, current, written);
		}
	}

	private WeddingEvent mergeRemoteChange(ReconcileContext context, WeddingEvent event, UUID weddingId,
			StagedChange change) {
		EventLink link = this.links.findByHref(change.calendarId(), change.href()).orElse(null);
		CalendarObject remote = (change.state() == StagingState.FETCHED) ? this.parser.parse(change.icalendar()) : null;
		WeddingEvent platform = event;
		if (platform == null && remote != null) {
			platform = this.propagation.findCopy(weddingId, change.calendarId(), remote).orElse(null);
		}
		EventFields base = (link != null) ? this.parser.parse(link.baseIcs()).fields() : null;
		PlatformSide platformSide = (platform != null && !platform.deleted())
				? PlatformSide.present(this.propagation.fields(platform), platform.updatedAt()) : PlatformSide.absent();
		CalendarSide calendarSide = (remote != null) ? CalendarSide.present(remote.fields(), remote.lastModified())
				: CalendarSide.absent();
		SyncAction action = this.planner.plan(base, platformSide, calendarSide);
		Applied applied = action.accept(new RemoteChangeExecution(context, platform, weddingId, change, link, remote));
		this.staging.markApplied(change.calendarId(), change.href(), applied.change().name());
		notice(context, change, applied);
		return applied.event();
	}

	// In the chunk's transaction: whoever tells the platform records it with the change.
	private void notice(ReconcileContext context, StagedChange change, Applied applied) {
		if (applied.event() == null || applied.change() == PlatformChange.UNCHANGED) {
			return;
		}
		WeddingEvent event = applied.event();
		this.notices.publishEvent(new PlatformEventSynced(context.tenantId(), context.integrationId(),
				change.calendarId(), event.weddingId(), event.id(), event.uid(),
				PlatformEventSynced.Change.valueOf(applied.change().name()), event.version()));
	}

	/** The event after a remote change was applied, and what applying it did to it. */
	private record Applied(WeddingEvent event, PlatformChange change) {
	}

	/** What applying a remote change did to the platform's event; recorded in staging. */
	private enum PlatformChange {

		CREATED, UPDATED, DELETED, UNCHANGED

	}

	/** Carries out the planner's action for one remote change. */
	private final class RemoteChangeExecution implements SyncAction.Visitor<Applied> {

		private final ReconcileContext context;

		private final WeddingEvent event;

		private final UUID weddingId;

		private final StagedChange change;

		private final EventLink link;

		private final CalendarObject remote;

		RemoteChangeExecution(ReconcileContext context, WeddingEvent event, UUID weddingId, StagedChange change,
				EventLink link, CalendarObject remote) {
			this.context = context;
			this.event = event;
			this.weddingId = weddingId;
			this.change = change;
			this.link = link;
			this.remote = remote;
		}

		@Override
		public Applied noChange(SyncAction.NoChange action) {
			if (this.event == null) {
				return new Applied(null, PlatformChange.UNCHANGED);
			}
			linkToRemote(this.event);
			return new Applied(this.event, PlatformChange.UNCHANGED);
		}

		@Override
		public Applied apply(SyncAction.Apply action) {
			record(action.conflicts());
			WeddingEvent result = this.event;
			if (action.updatePlatform()) {
				result = updatePlatform(action.merged());
				this.context.counts().updated(ReconcileCounts.Direction.TO_PLATFORM);
			}
			EventLink current = linkToRemote(result);
			if (action.writeCalendar()) {
				this.context.counts().updated(ReconcileCounts.Direction.TO_CALENDAR);
				pusher.update(client(), current, this.change.icalendar(), this.change.etag(), state(result));
			}
			return new Applied(result, action.updatePlatform() ? PlatformChange.UPDATED : PlatformChange.UNCHANGED);
		}

		@Override
		public Applied createOnCalendar(SyncAction.CreateOnCalendar action) {
			// A deletion of something this calendar never held: propagation creates it.
			return new Applied(this.event, PlatformChange.UNCHANGED);
		}

		@Override
		public Applied createOnPlatform(SyncAction.CreateOnPlatform action) {
			String ics = this.change.icalendar();
			WeddingEvent created = events.insertPlatformEvent(weddings.find(this.weddingId).orElseThrow(),
					this.remote.uid(), action.fields(), ics, ContentHash.of(ics), null);
			this.context.counts().created(ReconcileCounts.Direction.TO_PLATFORM);
			linkToRemote(created);
			return new Applied(created, PlatformChange.CREATED);
		}

		@Override
		public Applied deleteOnCalendar(SyncAction.DeleteOnCalendar action) {
			this.context.counts().deleted(ReconcileCounts.Direction.TO_CALENDAR);
			pusher.delete(client(), this.link, this.change.etag());
			return new Applied(this.event, PlatformChange.UNCHANGED);
		}

		@Override
		public Applied deleteEverywhere(SyncAction.DeleteEverywhere action) {
			events.markDeleted(this.event.id());
			links.delete(this.link.id());
			this.context.counts().deleted(ReconcileCounts.Direction.TO_PLATFORM);
			return new Applied(events.find(this.event.id()).orElseThrow(), PlatformChange.DELETED);
		}

		@Override
		public Applied recreateOnCalendar(SyncAction.RecreateOnCalendar action) {
			record(List.of(action.conflict()));
			this.context.counts().created(ReconcileCounts.Direction.TO_CALENDAR);
			// The calendar's last copy keeps its alarms and attendees for the
			// re-created one.
			pusher.create(client(), calendar(), state(this.event), this.link.baseIcs(), this.change.href());
			return new Applied(this.event, PlatformChange.UNCHANGED);
		}

		@Override
		public Applied restorePlatform(SyncAction.RestorePlatform action) {
			record(List.of(action.conflict()));
			Rendered body = renderer.renderOver(this.event, action.fields());
			WeddingEvent restored = events.restore(this.event.id(), action.fields(), body.ics(), body.contentHash());
			this.context.counts().created(ReconcileCounts.Direction.TO_PLATFORM);
			linkToRemote(restored);
			return new Applied(restored, PlatformChange.UPDATED);
		}

		@Override
		public Applied forget(SyncAction.Forget action) {
			if (this.link != null) {
				links.delete(this.link.id());
			}
			return new Applied(this.event, PlatformChange.UNCHANGED);
		}

		private WeddingEvent updatePlatform(EventFields merged) {
			Rendered body = renderer.renderOver(this.event, merged);
			return events.updateFields(this.event.id(), merged, body.ics(), body.contentHash());
		}

		/** The link now stands for the remote copy as fetched: both sides agree on it. */
		private EventLink linkToRemote(WeddingEvent event) {
			String body = this.change.icalendar();
			if (this.link != null && this.link.eventId().equals(event.id())) {
				pusher.agree(this.link, body, this.change.etag(), event.version());
			}
			else {
				if (this.link != null) {
					links.delete(this.link.id());
				}
				links.insert(event.id(), this.change.calendarId(), this.change.href(), this.change.etag(),
						ContentHash.of(body), body, event.version());
			}
			return links.findByHref(this.change.calendarId(), this.change.href()).orElseThrow();
		}

		private void record(List<Conflict> decided) {
			decided
				.forEach((conflict) -> conflicts.record(this.context, this.event, this.change.calendarId(), conflict));
		}

		private Calendar calendar() {
			return calendars.find(this.change.calendarId()).orElseThrow();
		}

		private CalDavClient client() {
			return this.context.sessions().forIntegration(calendar().integrationId());
		}

	}

	static WeddingEventState state(WeddingEvent event, EventFields fields) {
		return new WeddingEventState(event.id(), event.uid(), fields, event.version());
	}

	private WeddingEventState state(WeddingEvent event) {
		return state(event, this.propagation.fields(event));
	}

}
