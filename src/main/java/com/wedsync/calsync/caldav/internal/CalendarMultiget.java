package com.wedsync.calsync.caldav.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.wedsync.calsync.caldav.CalendarResource;
import com.wedsync.calsync.caldav.MultigetResult;
import com.wedsync.calsync.caldav.UnreadableAnswerException;

/**
 * RFC 4791 section 7.9 calendar-multiget, one REPORT per batch. Every href asked for ends
 * up in exactly one of found, notFound, unanswered or unreadable: none is silently lost.
 * <p>
 * One object can make a whole batch's answer unreadable: a body holding a NUL is written
 * into the XML as is, and the answer is no longer well-formed. Such a batch is asked for
 * again one href at a time, so the one object is set aside and the others are read. When
 * no href of the batch can be read on its own either, the server is the problem, not an
 * object, and the batch fails as it did. A batch of one is set aside only when a plain
 * GET of it succeeds: the server answers for it, only its XML cannot.
 */
final class CalendarMultiget {

	private final DavSession session;

	private final int batchSize;

	CalendarMultiget(DavSession session, int batchSize) {
		this.session = session;
		this.batchSize = batchSize;
	}

	MultigetResult fetch(URI calendar, List<URI> hrefs) {
		List<CalendarResource> found = new ArrayList<>();
		List<URI> notFound = new ArrayList<>();
		List<URI> unanswered = new ArrayList<>();
		Map<URI, String> unreadable = new LinkedHashMap<>();
		for (int from = 0; from < hrefs.size(); from += this.batchSize) {
			List<URI> batch = hrefs.subList(from, Math.min(hrefs.size(), from + this.batchSize));
			try {
				fetchBatch(calendar, batch, found, notFound, unanswered);
			}
			catch (UnreadableAnswerException ex) {
				fetchOneByOne(calendar, batch, ex, found, notFound, unanswered, unreadable);
			}
		}
		return new MultigetResult(List.copyOf(found), List.copyOf(notFound), List.copyOf(unanswered),
				Map.copyOf(unreadable));
	}

	private void fetchOneByOne(URI calendar, List<URI> batch, UnreadableAnswerException batchFailure,
			List<CalendarResource> found, List<URI> notFound, List<URI> unanswered, Map<URI, String> unreadable) {
		if (batch.size() == 1) {
			if (!this.session.get(calendar.resolve(batch.get(0))).isSuccess()) {
				throw batchFailure;
			}
			unreadable.put(batch.get(0), batchFailure.getMessage());
			return;
		}
		Map<URI, String> refused = new LinkedHashMap<>();
		for (URI href : batch) {
			try {
				fetchBatch(calendar, List.of(href), found, notFound, unanswered);
			}
			catch (UnreadableAnswerException ex) {
				refused.put(href, ex.getMessage());
			}
		}
		if (refused.size() == batch.size()) {
			throw batchFailure;
		}
		unreadable.putAll(refused);
	}

	private void fetchBatch(URI calendar, List<URI> batch, List<CalendarResource> found, List<URI> notFound,
			List<URI> unanswered) {
		// Keyed by the normalised absolute form; results name the href as the caller
		// gave it.
		Map<String, URI> pending = new LinkedHashMap<>();
		List<String> bodyHrefs = new ArrayList<>();
		for (URI href : batch) {
			URI absolute = calendar.resolve(href);
			if (pending.putIfAbsent(Hrefs.key(absolute), href) == null) {
				bodyHrefs.add(Hrefs.forRequest(calendar, absolute));
			}
		}
		// RFC 4791 section 7.9.1 sends Depth 1 in its examples; servers ignore it.
		DavResponse response = this.session.sendReport(calendar, 1,
				DavRequestBodies.calendarMultiget(bodyHrefs, List.of(DavNames.GETETAG, DavNames.CALENDAR_DATA)));
		if (!response.isSuccess()) {
			throw DavStatusErrors.toException("REPORT calendar-multiget", response);
		}
		for (Multistatus.Entry entry : this.session.multistatus(response).responses()) {
			String key = Hrefs.key(entry.href());
			URI asked = pending.get(key);
			if (asked == null) {
				continue;
			}
			String data = entry.text(DavNames.CALENDAR_DATA);
			if (entry.status() == 404 || entry.status() == 410) {
				notFound.add(asked);
				pending.remove(key);
			}
			else if (entry.status() / 100 == 2 && data != null) {
				found.add(new CalendarResource(asked, entry.text(DavNames.GETETAG), calendarData(entry)));
				pending.remove(key);
			}
		}
		unanswered.addAll(pending.values());
	}

	/**
	 * Untrimmed; line ends are LF after XML end-of-line handling, which iCalendar parsers
	 * accept.
	 */
	private static String calendarData(Multistatus.Entry entry) {
		return entry.property(DavNames.CALENDAR_DATA).text();
	}

}
