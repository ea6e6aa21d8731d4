package com.wedsync.calsync.batch;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.CalendarResource;
import com.wedsync.calsync.caldav.MultigetResult;
import com.wedsync.calsync.caldav.UnreadableAnswerException;
import com.wedsync.calsync.deadletter.DeadLetter;
import com.wedsync.calsync.deadletter.DeadLetterRepository;
import com.wedsync.calsync.ical.CalendarObject;
import com.wedsync.calsync.ical.CalendarObjectParser;
import com.wedsync.calsync.ical.InvalidICalendarException;
import com.wedsync.calsync.ical.NotAnEventException;
import com.wedsync.calsync.integration.CalendarRepository;
import com.wedsync.calsync.integration.IntegrationConnector;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.observability.SkippedItems;
import com.wedsync.calsync.sync.pull.ApplyOutcome;
import com.wedsync.calsync.sync.staging.FetchedBody;
import com.wedsync.calsync.sync.staging.StagedChange;
import com.wedsync.calsync.sync.staging.StagingState;
import com.wedsync.calsync.sync.staging.SyncStagingRepository;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Step 3 writer: fetches the bodies of a chunk of staged changes with one
 * calendar-multiget per calendar (the chunk size is the multiget batch size) and stores
 * them in staging with the UID and kind they carry (an unparseable body, or one whose
 * answer cannot be read as XML, becomes a dead letter; a task or other item that is not
 * an event is skipped and counted). A 404 means the resource was deleted after it was
 * listed. An href the server neither returns nor refuses is asked for once more on its
 * own; if it still does not come, it stays UNANSWERED so the calendar's token does not
 * move past it. A body newer than the report listed (another ETag, or a 404) puts the
 * calendar ahead of its token
 * ({@link com.wedsync.calsync.integration.Calendar#isAheadOfToken}). The next chunk's
 * multiget is under way while a chunk is parsed and stored ({@link MultigetPrefetch}).
 */
class MultigetWriter implements ItemWriter<StagedChange>, StepExecutionListener {

	private static final Log logger = LogFactory.getLog(MultigetWriter.class);

	private final UUID integrationId;

	private final IntegrationRepository integrations;

	private final CalendarRepository calendars;

	private final IntegrationConnector connector;

	private final SyncStagingRepository staging;

	private final CalendarObjectParser parser;

	private final DeadLetterRepository deadLetters;

	private final SkippedItems skippedItems;

	private final int batchSize;

	private final Map<UUID, URI> calendarUrls = new HashMap<>();

	private final MultigetPrefetch prefetch = new MultigetPrefetch();

	private CalDavClient client;

	MultigetWriter(UUID integrationId, IntegrationRepository integrations, CalendarRepository calendars,
			IntegrationConnector connector, SyncStagingRepository staging, CalendarObjectParser parser,
			DeadLetterRepository deadLetters, SkippedItems skippedItems, int batchSize) {
		this.integrationId = integrationId;
		this.integrations = integrations;
		this.calendars = calendars;
		this.connector = connector;
		this.staging = staging;
		this.parser = parser;
		this.deadLetters = deadLetters;
		this.skippedItems = skippedItems;
		this.batchSize = batchSize;
	}

	@Override
	public void write(Chunk<? extends StagedChange> chunk) {
		Map<UUID, List<StagedChange>> byCalendar = chunk.getItems()
			.stream()
			.collect(Collectors.groupingBy(StagedChange::calendarId, LinkedHashMap::new, Collectors.toList()));
		Iterator<Map.Entry<UUID, List<StagedChange>>> groups = byCalendar.entrySet().iterator();
		while (groups.hasNext()) {
			Map.Entry<UUID, List<StagedChange>> group = groups.next();
			fetch(group.getKey(), group.getValue(), !groups.hasNext());
		}
	}

	private void fetch(UUID calendarId, List<StagedChange> changes, boolean lastOfChunk) {
		URI calendarUrl = calendarUrl(calendarId);
		List<URI> hrefs = changes.stream().map(StagedChange::href).toList();
		MultigetResult result = this.prefetch.take(calendarId, hrefs)
			.orElseGet(() -> client().multiget(calendarUrl, hrefs));
		MultigetResult again = (result.unanswered().isEmpty()) ? null
				: client().multiget(calendarUrl, result.unanswered());
		if (lastOfChunk) {
			prefetchAfter(changes.get(changes.size() - 1));
		}
		Map<URI, String> listedEtags = new HashMap<>();
		changes.forEach((change) -> listedEtags.put(change.href(), change.etag()));
		markIfNewerThanListed(calendarId, listedEtags, result);
		record(calendarId, result);
		if (again != null) {
			markIfNewerThanListed(calendarId, listedEtags, again);
			record(calendarId, again);
			for (URI href : again.unanswered()) {
				logger.warn("Calendar " + calendarId + ": the server did not answer for " + href
						+ "; its token stays until it does");
				this.staging.markState(calendarId, href, StagingState.UNANSWERED);
			}
		}
	}

	// The next chunk is the next pending changes in the reader's order; its first
	// calendar's multiget is started now, to be answered while this chunk is parsed.
	private void prefetchAfter(StagedChange last) {
		List<StagedChange> next = this.staging.findPendingAfter(this.integrationId, last.calendarId(), last.href(),
				this.batchSize);
		if (next.isEmpty()) {
			return;
		}
		UUID calendarId = next.get(0).calendarId();
		List<URI> hrefs = next.stream()
			.takeWhile((change) -> change.calendarId().equals(calendarId))
			.map(StagedChange::href)
			.toList();
		URI calendarUrl = calendarUrl(calendarId);
		CalDavClient client = client();
		this.prefetch.start(calendarId, hrefs, () -> client.multiget(calendarUrl, hrefs));
	}

	// The calendar changed after its report: calsync will hold content the report's token
	// does not describe, and an undo back to that token's content would go unseen. ETags
	// compare as detection compares them (a replayed dead letter is staged without one).
	private void markIfNewerThanListed(UUID calendarId, Map<URI, String> listedEtags, MultigetResult result) {
		boolean newer = !result.notFound().isEmpty() || result.found()
			.stream()
			.anyMatch((resource) -> !Objects.equals(listedEtags.get(resource.href()), resource.etag()));
		if (newer) {
			this.calendars.markAheadOfToken(calendarId, Instant.now());
		}
	}

	private URI calendarUrl(UUID calendarId) {
		return this.calendarUrls.computeIfAbsent(calendarId, (id) -> this.calendars.find(id).orElseThrow().href());
	}

	private void record(UUID calendarId, MultigetResult result) {
		List<FetchedBody> fetched = new ArrayList<>();
		for (Parsed parsed : parseAll(result.found())) {
			CalendarResource resource = parsed.resource();
			if (parsed.failure() == null) {
				fetched.add(new FetchedBody(resource.href(), resource.etag(), resource.icalendar(),
						parsed.object().uid(), parsed.object().kind().name()));
			}
			else if (parsed.failure() instanceof NotAnEventException notAnEvent) {
				// A task or note beside the events: ordinary data, never touched
				this.skippedItems.count(notAnEvent.content());
				this.staging.markApplied(calendarId, resource.href(), ApplyOutcome.NOT_AN_EVENT.name());
			}
			else {
				// Bad in itself: parked where an operator sees it; the rest of the
				// calendar, and its token, move on.
				this.deadLetters.park(new DeadLetter(this.integrationId, calendarId, resource.href().toString(), null,
						"fetchRemote", resource.icalendar(), parsed.failure().getClass().getName(),
						parsed.failure().getMessage()));
				this.staging.markState(calendarId, resource.href(), StagingState.SKIPPED);
			}
		}
		this.staging.markFetched(calendarId, fetched);
		result.unreadable().forEach((href, reason) -> {
			// The server's answer for this one object cannot be read at all: nothing
			// of it can be kept, so the reason is all the dead letter holds.
			this.deadLetters.park(new DeadLetter(this.integrationId, calendarId, href.toString(), null, "fetchRemote",
					null, UnreadableAnswerException.class.getName(), reason));
			this.staging.markState(calendarId, href, StagingState.SKIPPED);
		});
		for (URI href : result.notFound()) {
			this.staging.markState(calendarId, href, StagingState.GONE);
		}
	}

	// Parsing is pure CPU and most of a fetch's own time: the bodies of one multiget are
	// parsed on the common pool's cores, in their order.
	private List<Parsed> parseAll(List<CalendarResource> resources) {
		return resources.parallelStream().map(this::parse).toList();
	}

	private Parsed parse(CalendarResource resource) {
		try {
			return new Parsed(resource, this.parser.parse(resource.icalendar()), null);
		}
		catch (InvalidICalendarException ex) {
			return new Parsed(resource, null, ex);
		}
	}

	private record Parsed(CalendarResource resource, CalendarObject object, InvalidICalendarException failure) {

	}

	private CalDavClient client() {
		if (this.client == null) {
			this.client = this.connector.connect(this.integrations.find(this.integrationId).orElseThrow());
		}
		return this.client;
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		this.prefetch.close();
		if (this.client != null) {
			this.client.close();
			this.client = null;
		}
		return stepExecution.getExitStatus();
	}

}
