package com.wedsync.calsync.sync.reconcile;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.CalendarResource;
import com.wedsync.calsync.caldav.DavException;
import com.wedsync.calsync.caldav.ForbiddenException;
import com.wedsync.calsync.caldav.MultigetResult;
import com.wedsync.calsync.caldav.PreconditionFailedException;
import com.wedsync.calsync.caldav.UnauthorizedException;
import com.wedsync.calsync.deadletter.DeadLetter;
import com.wedsync.calsync.deadletter.DeadLetterRepository;
import com.wedsync.calsync.ical.CalendarObjectParser;
import com.wedsync.calsync.ical.ContentHash;
import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.integration.Calendar;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.sync.outbox.SyncOutbox;
import com.wedsync.calsync.sync.plan.CalendarWrite;
import com.wedsync.calsync.sync.plan.EventPlan;
import com.wedsync.calsync.sync.plan.EventPlan.CalendarStep;
import com.wedsync.calsync.sync.plan.EventPlan.ChangeOutcome;
import com.wedsync.calsync.sync.plan.EventPlan.PlatformWrite;
import com.wedsync.calsync.sync.reconcile.EventStateLoader.LoadedEvent;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out an {@link EventPlan} and decides nothing. The platform side (the event, the
 * links of the merged changes, conflicts, staging rows, notices, outbox rows of calendars
 * already in line) is one short transaction, conditional on the event's version the plan
 * was made from; then each calendar write is a CalDAV request outside any transaction,
 * followed by its record (link, outbox row) in a short transaction of its own. A write
 * refused because the calendar's copy changed meanwhile (412) hands that copy back, to be
 * merged in a new plan.
 */
@Component
class EventPlanExecutor {

	private static final Log logger = LogFactory.getLog(EventPlanExecutor.class);

	private final WeddingEventRepository events;

	private final WeddingRepository weddings;

	private final EventLinkRepository links;

	private final SyncStagingRepository staging;

	private final SyncOutbox outbox;

	private final IntegrationRepository integrations;

	private final CalendarPusher pusher;

	private final ConflictRecorder conflicts;

	private final EventRenderer renderer;

	private final CalendarObjectParser parser;

	private final ApplicationEventPublisher notices;

	private final DeadLetterRepository deadLetters;

	private final ReadOnlyCalendars readOnly;

	private final TransactionTemplate transaction;

	EventPlanExecutor(WeddingEventRepository events, WeddingRepository weddings, EventLinkRepository links,
			SyncStagingRepository staging, SyncOutbox outbox, IntegrationRepository integrations, CalendarPusher pusher,
			ConflictRecorder conflicts, EventRenderer renderer, CalendarObjectParser parser,
			ApplicationEventPublisher notices, DeadLetterRepository deadLetters, ReadOnlyCalendars readOnly,
			PlatformTransactionManager transactionManager) {
		this.deadLetters = deadLetters;
		this.readOnly = readOnly;
		this.events = events;
		this.weddings = weddings;
		this.links = links;
		this.staging = staging;
		this.outbox = outbox;
		this.integrations = integrations;
		this.pusher = pusher;
		this.conflicts = conflicts;
		this.renderer = renderer;
		this.parser = parser;
		this.notices = notices;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/** What carrying out a plan left to do. */
	sealed interface Executed {

	}

	/** Carried out; {@code changedMeanwhile} are copies to merge in a new plan. */
	record Done(WeddingEvent event, List<StagedChange> changedMeanwhile) implements Executed {
	}

	/** Nothing written: the platform's event moved on since it was read; plan again. */
	record PlatformMovedOn() implements Executed {
	}

	Executed execute(ReconcileContext context, LoadedEvent loaded, EventPlan plan) {
		WeddingEvent event;
		try {
			event = this.transaction.execute((status) -> writePlatformSide(context, loaded, plan));
		}
		catch (PlatformChangedException ex) {
			return new PlatformMovedOn();
		}
		if (event == null) {
			return new Done(null, List.of());
		}
		plan.withheld().forEach((step) -> withheld(context, event, step.calendarId()));
		List<StagedChange> changedMeanwhile = new ArrayList<>();
		for (CalendarStep step : plan.calendars()) {
			if (step.write() != CalendarWrite.NOTHING) {
				Calendar calendar = loaded.calendars().get(step.calendarId());
				writeCalendar(context, calendar, event, plan.result(), step).ifPresent(changedMeanwhile::add);
			}
		}
		return new Done(event, changedMeanwhile);
	}

	private WeddingEvent writePlatformSide(ReconcileContext context, LoadedEvent loaded, EventPlan plan) {
		WeddingEvent before = loaded.event();
		if (before != null && this.events.lockForUpdate(before.id())
			.map((locked) -> locked.version() != before.version())
			.orElse(true)) {
			throw new PlatformChangedException();
		}
		WeddingEvent event = writePlatform(context, loaded, plan.platform());
		for (EventPlan.CalendarConflict conflict : plan.conflicts()) {
			this.conflicts.record(context, (event != null) ? event : before, conflict.calendarId(),
					conflict.conflict());
		}
		for (ChangeOutcome change : plan.changes()) {
			recordLink(event, change);
			this.staging.markApplied(change.calendarId(), change.href(), change.effect().name());
		}
		if (event != null) {
			settleOutbox(event, loaded, plan);
		}
		return event;
	}

	private WeddingEvent writePlatform(ReconcileContext context, LoadedEvent loaded, PlatformWrite write) {
		WeddingEvent before = loaded.event();
		WeddingEvent after = switch (write.kind()) {
			case NONE -> before;
			case CREATE -> {
				String body = required(write.body());
				context.counts().created(ReconcileCounts.Direction.TO_PLATFORM);
				yield this.events.insertPlatformEvent(this.weddings.find(loaded.weddingId()).orElseThrow(),
						loaded.uid(), required(write.fields()), body, ContentHash.of(body), null);
			}
			case UPDATE -> {
				Rendered body = this.renderer.renderOver(before, required(write.fields()));
				context.counts().updated(ReconcileCounts.Direction.TO_PLATFORM);
				yield this.events.updateFields(before.id(), required(write.fields()), body.ics(), body.contentHash());
			}
			case RESTORE -> {
				Rendered body = this.renderer.renderOver(before, required(write.fields()));
				context.counts().created(ReconcileCounts.Direction.TO_PLATFORM);
				yield this.events.restore(before.id(), required(write.fields()), body.ics(), body.contentHash());
			}
			case DELETE -> {
				this.events.markDeleted(before.id());
				context.counts().deleted(ReconcileCounts.Direction.TO_PLATFORM);
				yield this.events.find(before.id()).orElseThrow();
			}
		};
		if (write.kind() != PlatformWrite.Kind.NONE) {
			// In this transaction: whoever tells the platform records it with the change.
			this.notices
				.publishEvent(new PlatformEventSynced(context.tenantId(), context.integrationId(), write.calendarId(),
						after.weddingId(), after.id(), after.uid(), change(write.kind()), after.version()));
		}
		return after;
	}

	private static PlatformEventSynced.Change change(PlatformWrite.Kind kind) {
		return switch (kind) {
			case CREATE -> PlatformEventSynced.Change.CREATED;
			case DELETE -> PlatformEventSynced.Change.DELETED;
			default -> PlatformEventSynced.Change.UPDATED;
		};
	}

	private void recordLink(WeddingEvent event, ChangeOutcome change) {
		Optional<EventLink> link = this.links.findByHref(change.calendarId(), change.href());
		switch (change.link()) {
			case AGREE -> {
				String body = required(change.body());
				if (link.isPresent() && link.get().eventId().equals(event.id())) {
					this.pusher.agree(link.get(), body, change.etag(), event.version());
				}
				else {
					link.ifPresent((stale) -> this.links.delete(stale.id()));
					this.links.insert(event.id(), change.calendarId(), change.href(), change.etag(),
							ContentHash.of(body), body, event.version());
				}
			}
			case DROP -> link.ifPresent((gone) -> this.links.delete(gone.id()));
			case KEEP -> {
			}
		}
	}

	/**
	 * The outbox rows of calendars already in line go, and those of calendars the event
	 * no longer concerns (neither the wedding's nor holding a copy), and those of
	 * read-only calendars, whose writes are withheld (their links keep the copy they last
	 * agreed on, so a listing that finds the calendar writable again queues the event
	 * anew); a calendar still to be written, or not writable now, keeps its row until it
	 * is written.
	 */
	private void settleOutbox(WeddingEvent event, LoadedEvent loaded, EventPlan plan) {
		plan.calendars()
			.stream()
			.filter((step) -> step.write() == CalendarWrite.NOTHING)
			.forEach((step) -> this.outbox.remove(event.id(), step.calendarId()));
		plan.withheld().forEach((step) -> this.outbox.remove(event.id(), step.calendarId()));
		this.outbox.findByEvent(event.id())
			.stream()
			.filter((row) -> !loaded.calendars().containsKey(row.calendarId()))
			.forEach((row) -> this.outbox.remove(event.id(), row.calendarId()));
	}

	/**
	 * One calendar write and its record.
	 * @return the calendar's copy when it changed meanwhile, to merge in a new plan
	 */
	private Optional<StagedChange> writeCalendar(ReconcileContext context, Calendar calendar, WeddingEvent event,
			EventFields fields, CalendarStep step) {
		CalDavClient client = context.sessions().forIntegration(calendar.integrationId());
		try {
			Optional<StagedChange> fresh = write(context, client, calendar, event, fields, step);
			if (fresh.isEmpty() && step.write() != CalendarWrite.MERGE_UNLINKED_COPY) {
				settle(event, calendar.id());
			}
			return fresh;
		}
		catch (DavException ex) {
			if (ex instanceof ForbiddenException forbidden && this.readOnly.learnFrom(client, calendar, forbidden)) {
				settle(event, calendar.id());
				withheld(context, event, calendar.id());
				return Optional.empty();
			}
			if (ex.refusesTheItem()) {
				park(context, calendar, event, ex);
				return Optional.empty();
			}
			if (calendar.integrationId().equals(context.integrationId())) {
				throw ex;
			}
			// Another account's calendar: its trouble must not stop this account's sync.
			// The outbox row stays; that account's own sync retries it.
			if (ex instanceof UnauthorizedException) {
				this.integrations.markAuthFailed(calendar.integrationId(), UnauthorizedException.REPLACE_PASSWORD);
			}
			logger
				.warn("Could not write event " + event.id() + " to calendar " + calendar.id() + ": " + ex.getMessage());
			return Optional.empty();
		}
	}

	private Optional<StagedChange> write(ReconcileContext context, CalDavClient client, Calendar calendar,
			WeddingEvent event, EventFields fields, CalendarStep step) {
		switch (step.write()) {
			case CREATE -> {
				try {
					this.pusher.create(client, calendar, state(event, fields), step.template(), step.href());
				}
				catch (PreconditionFailedException ex) {
					return ownCopy(client, calendar, event, ex);
				}
				context.counts().created(ReconcileCounts.Direction.TO_CALENDAR);
			}
			case UPDATE -> {
				EventLink link = this.links.findByHref(calendar.id(), required(step.href())).orElseThrow();
				try {
					this.pusher.update(client, link, step.template(), step.etag(), state(event, fields));
				}
				catch (PreconditionFailedException ex) {
					return Optional.of(fresh(client, calendar, link.href()));
				}
				context.counts().updated(ReconcileCounts.Direction.TO_CALENDAR);
			}
			case DELETE -> {
				Optional<EventLink> link = this.links.findByHref(calendar.id(), required(step.href()));
				if (link.isPresent()) {
					try {
						this.pusher.delete(client, link.get(), step.etag());
					}
					catch (PreconditionFailedException ex) {
						return Optional.of(fresh(client, calendar, link.get().href()));
					}
					context.counts().deleted(ReconcileCounts.Direction.TO_CALENDAR);
				}
			}
			case MERGE_UNLINKED_COPY -> {
				return this.staging.findUnlinkedFetched(calendar.id())
					.stream()
					.filter((change) -> change.href().equals(step.href()))
					.findFirst();
			}
			case NOTHING -> {
			}
		}
		return Optional.empty();
	}

	/**
	 * The server refused this one write (a value it cannot hold, a calendar it will not
	 * let us write, a name taken by something else): the event is parked for that
	 * calendar with the server's answer, and its outbox row goes with it, so later syncs
	 * do not send the same refused write again; a replay, or the next platform change,
	 * writes it anew. The sync goes on with the other events and calendars.
	 */
	private void park(ReconcileContext context, Calendar calendar, WeddingEvent event, DavException refusal) {
		String answer = (refusal.getServerAnswer() != null)
				? refusal.getMessage() + "; the server answered: " + refusal.getServerAnswer() : refusal.getMessage();
		this.transaction.executeWithoutResult((status) -> {
			this.deadLetters.park(new DeadLetter(calendar.integrationId(), calendar.id(), null, event.uid(),
					context.step(), event.icalendar(), refusal.getClass().getName(), answer));
			this.outbox.remove(event.id(), calendar.id());
		});
		context.counts().deadLettered();
		logger.warn("Calendar " + calendar.id() + " refused event " + event.id() + ", parked as a dead letter: "
				+ refusal.getMessage());
	}

	/** A write a read-only calendar would need was not sent: counted, not a failure. */
	private void withheld(ReconcileContext context, WeddingEvent event, UUID calendarId) {
		context.counts().readOnlySkipped();
		logger.debug("Event " + event.id() + " not written to read-only calendar " + calendarId);
	}

	/** The calendar holds the event's current version: its outbox row goes. */
	private void settle(WeddingEvent written, UUID calendarId) {
		this.transaction.executeWithoutResult((status) -> {
			// Under the event's row lock: a platform change committed meanwhile keeps the
			// row, and one in flight waits and adds it again.
			boolean current = this.events.lockForUpdate(written.id())
				.map((event) -> event.version() == written.version())
				.orElse(false);
			if (current) {
				this.outbox.remove(written.id(), calendarId);
			}
		});
	}

	private StagedChange fresh(CalDavClient client, Calendar calendar, URI href) {
		MultigetResult fresh = client.multiget(calendar.href(), List.of(href));
		if (fresh.found().isEmpty()) {
			return new StagedChange(calendar.integrationId(), calendar.id(), href, null, null, StagingState.GONE);
		}
		CalendarResource current = fresh.found().get(0);
		return new StagedChange(calendar.integrationId(), calendar.id(), href, current.etag(), current.icalendar(),
				StagingState.FETCHED);
	}

	/**
	 * A create answered 412: the resource named after the event's UID exists already.
	 * With the same UID it is our own earlier write whose link was lost (the process died
	 * between the PUT and its record): its copy is merged, which links it instead of
	 * creating a second one. Anything else under that name is not ours to overwrite.
	 */
	private Optional<StagedChange> ownCopy(CalDavClient client, Calendar calendar, WeddingEvent event,
			PreconditionFailedException refused) {
		StagedChange existing = fresh(client, calendar, CalendarPusher.resourceUrl(calendar, event.uid()));
		if (existing.state() != StagingState.FETCHED
				|| !event.uid().equals(this.parser.parse(existing.icalendar()).uid())) {
			throw refused;
		}
		return Optional.of(existing);
	}

	private static WeddingEventState state(WeddingEvent event, EventFields fields) {
		return new WeddingEventState(event.id(), event.uid(), fields, event.version());
	}

	private static <T> T required(T value) {
		if (value == null) {
			throw new IllegalStateException("the plan is missing a value its write needs");
		}
		return value;
	}

	/** The platform's event changed since the plan was made from it. */
	private static final class PlatformChangedException extends RuntimeException {

		PlatformChangedException() {
			super(null, null, false, false);
		}

	}

}
