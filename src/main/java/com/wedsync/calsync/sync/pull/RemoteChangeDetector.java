package com.wedsync.calsync.sync.pull;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.InvalidSyncTokenException;
import com.wedsync.calsync.caldav.RemoteResource;
import com.wedsync.calsync.caldav.SyncDelta;
import com.wedsync.calsync.integration.Calendar;
import com.wedsync.calsync.integration.CalendarRepository;
import com.wedsync.calsync.integration.CalendarStatus;
import com.wedsync.calsync.sync.staging.StagingState;
import com.wedsync.calsync.sync.staging.SyncStagingRepository;
import com.wedsync.calsync.sync.status.EventLinkRepository;

import org.springframework.stereotype.Component;

/**
 * Finds what changed in a calendar since the last committed sync, cheapest way first, and
 * stages it. Only changes whose ETag differs from the linked one are staged, so our own
 * writes and untouched resources are never fetched.
 * <ol>
 * <li>ctag (or, where none is committed, sync-token) as committed: nothing changed, no
 * request;</li>
 * <li>RFC 6578 sync-collection from the stored token (an initial one without);</li>
 * <li>a full ETag listing diffed against the links, where the server no longer accepts
 * the token or calsync holds content newer than it (an initial sync-collection), or where
 * sync-collection is not supported (a PROPFIND).</li>
 * </ol>
 * A calendar that needed a report commits the report's sync-token and, unless the listing
 * showed that same token, no ctag (see {@link Calendar#unchangedSince}). A calendar
 * reporting most of its linked events deleted at once trips the {@link MassDeleteGuard}:
 * nothing is staged and the calendar waits for an operator.
 */
@Component
public class RemoteChangeDetector {

	private static final Log logger = LogFactory.getLog(RemoteChangeDetector.class);

	private final SyncStagingRepository staging;

	private final EventLinkRepository links;

	private final CalendarRepository calendars;

	private final MassDeleteGuard guard;

	RemoteChangeDetector(SyncStagingRepository staging, EventLinkRepository links, CalendarRepository calendars,
			MassDeleteGuard guard) {
		this.staging = staging;
		this.links = links;
		this.calendars = calendars;
		this.guard = guard;
	}

	public DetectionResult detect(CalDavClient client, Calendar calendar) {
		if (calendar.unchangedSinceLastSync()) {
			return DetectionResult.unchanged();
		}
		if (!calendar.supportsSyncCollection()) {
			DetectionResult result = stageListing(calendar, client.listResources(calendar.href()),
					"the server does not support sync-collection");
			if (result.changed() + result.deleted() > 0) {
				// the listing's ctag may predate what was found; with no token to go
				// by, an empty listing diff at the next sync commits one
				this.calendars.forgetPendingCtag(calendar.id());
			}
			return result;
		}
		if (calendar.isAheadOfToken()) {
			return listAfresh(client, calendar, "calsync holds content newer than the stored token");
		}
		try {
			SyncDelta delta = client.syncCollection(calendar.href(), calendar.syncToken());
			recordReportToken(calendar, delta.syncToken());
			return stageDelta(calendar, delta);
		}
		catch (InvalidSyncTokenException ex) {
			String reason = "the server no longer accepts the stored sync token";
			logger.info("Calendar " + calendar.id() + ": " + reason + ", listing it afresh");
			return listAfresh(client, calendar, reason);
		}
	}

	/**
	 * An initial sync-collection diffed against the links as a full listing: one request,
	 * as a PROPFIND listing would be, and it brings a fresh sync-token (Radicale also
	 * answers it several times faster than the PROPFIND).
	 */
	private DetectionResult listAfresh(CalDavClient client, Calendar calendar, String reason) {
		SyncDelta members = client.syncCollection(calendar.href(), null);
		recordReportToken(calendar, members.syncToken());
		return stageListing(calendar, members.changed(), reason);
	}

	/**
	 * The report's token is the one to commit. The listing's ctag goes with it only if
	 * the listing showed that same token: otherwise the calendar may have changed between
	 * the two (see {@link Calendar#unchangedSince}).
	 */
	private void recordReportToken(Calendar calendar, String syncToken) {
		this.calendars.updatePendingSyncToken(calendar.id(), syncToken);
		if (!Objects.equals(calendar.pendingSyncToken(), syncToken)) {
			this.calendars.forgetPendingCtag(calendar.id());
		}
	}

	private DetectionResult stageDelta(Calendar calendar, SyncDelta delta) {
		Map<URI, String> linked = this.links.etagsByHref(calendar.id());
		// An initial sync-collection may list long-deleted members (Radicale does): only
		// what we hold can be deleted.
		Map<URI, String> gone = new HashMap<>();
		delta.deleted().stream().filter(linked::containsKey).forEach((href) -> gone.put(href, null));
		if (guarded(calendar, linked.size(), gone.size())) {
			return DetectionResult.guarded(gone.size());
		}
		int changed = stageChanged(calendar, delta.changed(), linked);
		this.staging.stageAll(calendar.integrationId(), calendar.id(), gone, StagingState.GONE);
		return new DetectionResult(DetectionResult.Method.SYNC_COLLECTION, changed, gone.size(), null);
	}

	private DetectionResult stageListing(Calendar calendar, List<RemoteResource> listing, String reason) {
		Map<URI, String> linked = this.links.etagsByHref(calendar.id());
		Set<URI> listed = new HashSet<>();
		listing.forEach((resource) -> listed.add(resource.href()));
		Map<URI, String> gone = new HashMap<>();
		linked.keySet().stream().filter((href) -> !listed.contains(href)).forEach((href) -> gone.put(href, null));
		if (guarded(calendar, linked.size(), gone.size())) {
			return DetectionResult.guarded(gone.size());
		}
		int changed = stageChanged(calendar, listing, linked);
		this.staging.stageAll(calendar.integrationId(), calendar.id(), gone, StagingState.GONE);
		return new DetectionResult(DetectionResult.Method.ETAG_LISTING, changed, gone.size(), reason);
	}

	private boolean guarded(Calendar calendar, int linked, int gone) {
		if (calendar.deletionsConfirmedAt() != null || !this.guard.trips(linked, gone)) {
			return false;
		}
		String detail = gone + " of " + linked + " synced events were reported deleted at once; nothing was "
				+ "deleted. If that is right, confirm with POST /api/calendars/" + calendar.id() + "/confirm-deletions";
		logger.warn("Calendar " + calendar.id() + " guarded: " + detail);
		this.calendars.setStatus(calendar.id(), CalendarStatus.GUARDED, detail);
		return true;
	}

	private int stageChanged(Calendar calendar, List<RemoteResource> resources, Map<URI, String> linked) {
		Map<URI, String> changed = new LinkedHashMap<>();
		for (RemoteResource resource : resources) {
			if (!linked.containsKey(resource.href()) || !Objects.equals(linked.get(resource.href()), resource.etag())) {
				changed.put(resource.href(), resource.etag());
			}
		}
		this.staging.stageAll(calendar.integrationId(), calendar.id(), changed, StagingState.PENDING);
		return changed.size();
	}

}
