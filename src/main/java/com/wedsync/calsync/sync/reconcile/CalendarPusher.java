package com.wedsync.calsync.sync.reconcile;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.CalendarResource;
import com.wedsync.calsync.caldav.NotFoundException;
import com.wedsync.calsync.caldav.WriteCondition;
import com.wedsync.calsync.ical.CalendarObjectRenderer;
import com.wedsync.calsync.ical.ContentHash;
import com.wedsync.calsync.integration.Calendar;
import com.wedsync.calsync.integration.CalendarRepository;
import com.wedsync.calsync.sync.status.EventLink;
import com.wedsync.calsync.sync.status.EventLinkRepository;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes platform events to calendars, never blindly: a new resource with
 * {@code If-None-Match: *}, a known one with {@code If-Match} on the ETag we last saw.
 * The link records exactly what was written (ETag, content hash, body), which is how the
 * next sync recognises its own writes and never applies them back. A
 * {@link com.wedsync.calsync.caldav.PreconditionFailedException} leaves the link as it
 * was: the caller re-fetches and merges. Each request runs outside any database
 * transaction (callers hold none) and what it wrote is recorded right after it.
 */
@Component
public class CalendarPusher {

	private static final Pattern UNSAFE_IN_NAME = Pattern.compile("[^A-Za-z0-9._-]");

	private final CalendarObjectRenderer renderer;

	private final EventLinkRepository links;

	private final CalendarRepository calendars;

	private final TransactionTemplate transaction;

	CalendarPusher(CalendarObjectRenderer renderer, EventLinkRepository links, CalendarRepository calendars,
			PlatformTransactionManager transactionManager) {
		this.renderer = renderer;
		this.links = links;
		this.calendars = calendars;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Creates the event in a calendar that does not hold it.
	 * @param template a body to keep unmodeled properties from (the calendar's last copy
	 * of a re-created event), or {@code null}
	 */
	public void create(CalDavClient client, Calendar calendar, WeddingEventState event, String template, URI href) {
		URI target = (href != null) ? href : resourceUrl(calendar, event.uid());
		String body = this.renderer.render(event.uid(), event.fields(), template);
		this.calendars.markAheadOfToken(calendar.id(), Instant.now());
		String etag = client.put(target, body, WriteCondition.create());
		this.transaction.executeWithoutResult((status) -> {
			this.links.findByHref(calendar.id(), target).ifPresent((stale) -> this.links.delete(stale.id()));
			this.links.insert(event.id(), calendar.id(), target, etag, ContentHash.of(body), body, event.version());
		});
	}

	/** Replaces a calendar's copy, keeping everything the platform does not model. */
	public void update(CalDavClient client, EventLink link, String currentBody, String currentEtag,
			WeddingEventState event) {
		String body = this.renderer.render(event.uid(), event.fields(), currentBody);
		this.calendars.markAheadOfToken(link.calendarId(), Instant.now());
		String etag = client.put(link.href(), body, WriteCondition.ifMatch(currentEtag));
		this.links.update(link.id(), etag, ContentHash.of(body), body, event.version());
	}

	/**
	 * Deletes a calendar's copy and forgets the link; a copy already gone counts. A copy
	 * whose ETag was never told (a server that rewrote our write) is read for it first.
	 */
	public void delete(CalDavClient client, EventLink link, String currentEtag) {
		this.calendars.markAheadOfToken(link.calendarId(), Instant.now());
		try {
			String etag = (currentEtag != null) ? currentEtag : currentEtag(client, link);
			if (etag != null) {
				client.delete(link.href(), etag);
			}
		}
		catch (NotFoundException ex) {
			// Already gone: the goal is reached.
		}
		this.links.delete(link.id());
	}

	private String currentEtag(CalDavClient client, EventLink link) {
		Calendar calendar = this.calendars.find(link.calendarId()).orElseThrow();
		return client.multiget(calendar.href(), List.of(link.href()))
			.found()
			.stream()
			.findFirst()
			.map(CalendarResource::etag)
			.orElse(null);
	}

	/** Records that a calendar's copy now agrees with the platform without writing it. */
	public void agree(EventLink link, String body, String etag, long version) {
		this.links.update(link.id(), etag, ContentHash.of(body), body, version);
	}

	// One resource per UID, named after it: readable on the server, stable across
	// retries, and only in characters no server spells two ways.
	static URI resourceUrl(Calendar calendar, String uid) {
		return calendar.href().resolve(UNSAFE_IN_NAME.matcher(uid).replaceAll("_") + ".ics");
	}

}
