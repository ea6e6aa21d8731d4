package com.wedsync.calsync.caldav.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.wedsync.calsync.caldav.InvalidSyncTokenException;
import com.wedsync.calsync.caldav.RemoteResource;
import com.wedsync.calsync.caldav.SyncDelta;
import com.wedsync.calsync.caldav.TransportException;

/** RFC 6578 sync-collection REPORT, following 507 truncation until complete. */
final class CollectionSync {

	/** A server that truncates forever must not keep us looping. */
	private static final int MAX_ROUNDS = 1000;

	/**
	 * Changes kept over all the rounds of one sync: each answer is bounded on its own,
	 * but a server answering 507 with new hrefs and a new token every time would
	 * otherwise fill the heap a round at a time.
	 */
	static final int MAX_CHANGES_PER_SYNC = 100_000;

	private final DavSession session;

	CollectionSync(DavSession session) {
		this.session = session;
	}

	SyncDelta sync(URI calendar, String syncToken) {
		String token = (syncToken != null) ? syncToken : "";
		Map<String, RemoteResource> changed = new LinkedHashMap<>();
		Map<String, URI> deleted = new LinkedHashMap<>();
		for (int round = 0; round < MAX_ROUNDS; round++) {
			// RFC 6578 section 3.2: the report is only defined for Depth 0; the scope is
			// given by sync-level.
			DavResponse response = this.session.sendReport(calendar, 0,
					DavRequestBodies.syncCollection(token, List.of(DavNames.GETETAG)));
			if (!response.isSuccess()) {
				throw failure(response, token);
			}
			Multistatus answer = this.session.multistatus(response);
			boolean truncated = false;
			for (Multistatus.Entry entry : answer.responses()) {
				String key = Hrefs.key(entry.href());
				if (Hrefs.same(entry.href(), calendar)) {
					// Section 3.6: a 507 on the request-URI means "more to come".
					truncated |= entry.status() == 507;
				}
				else if (entry.status() == 404) {
					changed.remove(key);
					deleted.put(key, entry.href());
				}
				else if (entry.status() / 100 == 2 && !entry.isCollection() && entry.text(DavNames.GETETAG) != null) {
					deleted.remove(key);
					changed.put(key, new RemoteResource(entry.href(), entry.text(DavNames.GETETAG)));
				}
			}
			if (changed.size() + deleted.size() > MAX_CHANGES_PER_SYNC) {
				throw new TransportException("sync-collection listed more than " + MAX_CHANGES_PER_SYNC
						+ " changed or deleted resources in " + (round + 1) + " answers; refusing the rest", calendar,
						207);
			}
			String next = answer.syncToken();
			if (next == null || next.isEmpty()) {
				throw new TransportException("sync-collection answer without a sync-token", calendar, 207);
			}
			if (!truncated) {
				return new SyncDelta(List.copyOf(changed.values()), new ArrayList<>(deleted.values()), next);
			}
			if (next.equals(token)) {
				throw new TransportException("Truncated sync-collection answer did not advance the token", calendar,
						207);
			}
			token = next;
		}
		throw new TransportException("sync-collection still truncated after " + MAX_ROUNDS + " requests", calendar,
				207);
	}

	/**
	 * RFC 6578 section 3.2: an unusable token is a 403 or 409 with the valid-sync-token
	 * precondition. Xandikos answers 500 instead, so any 5xx on a non-empty token counts
	 * too, except 503 which iCloud uses for rate limiting: falling back to a full listing
	 * there would cost the most requests exactly when we must send fewer.
	 */
	private RuntimeException failure(DavResponse response, String token) {
		int status = response.status();
		boolean preconditionReported = (status == 403 || status == 409) && namesValidSyncToken(response);
		boolean serverChoked = status >= 500 && status != 503 && !token.isEmpty();
		if (preconditionReported || serverChoked) {
			return new InvalidSyncTokenException("sync-collection refused the stored sync token", response.url(),
					status);
		}
		return DavStatusErrors.toException("REPORT sync-collection", response);
	}

	private boolean namesValidSyncToken(DavResponse response) {
		if (response.body().length == 0) {
			return false;
		}
		try {
			XmlElement error = this.session.xml(response);
			return error.is(DavNames.ERROR) && error.hasDescendant(DavNames.VALID_SYNC_TOKEN);
		}
		catch (TransportException notXml) {
			return false;
		}
	}

}
