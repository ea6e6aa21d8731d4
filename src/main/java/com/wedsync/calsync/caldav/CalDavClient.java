package com.wedsync.calsync.caldav;

import java.net.URI;
import java.util.List;

/**
 * A CalDAV session for one account. Every method is one logical operation; the number of
 * HTTP requests behind it is documented per method because requests per sync are what a
 * rate-limited server such as iCloud charges for.
 * <p>
 * Failures are reported as subclasses of {@link DavException}, one per meaning, so
 * callers react to types rather than status codes.
 */
public interface CalDavClient extends AutoCloseable {

	/**
	 * Finds the principal and calendar home: {@code /.well-known/caldav} (RFC 6764), then
	 * {@code current-user-principal} (RFC 5397), then {@code calendar-home-set} (RFC
	 * 4791) on whatever host the principal names. Two to four requests.
	 */
	CalendarHome discover();

	/**
	 * Lists the calendars of a home with display name, color, the given change markers,
	 * supported components and reports. One PROPFIND Depth 1: this is also the cheap
	 * change probe.
	 */
	List<RemoteCalendar> listCalendars(URI calendarHome, ChangeMarkers markers);

	/** {@link #listCalendars(URI, ChangeMarkers)} with ctag and sync-token. */
	default List<RemoteCalendar> listCalendars(URI calendarHome) {
		return listCalendars(calendarHome, ChangeMarkers.CTAG_AND_SYNC_TOKEN);
	}

	/**
	 * RFC 6578 sync-collection from {@code syncToken} ({@code null} or empty for an
	 * initial sync). Follows 507 truncation until the answer is complete.
	 * @throws InvalidSyncTokenException when the server no longer accepts the token (403
	 * or 409 with {@code valid-sync-token}, or a 5xx on a non-empty token as Xandikos
	 * does)
	 */
	SyncDelta syncCollection(URI calendar, String syncToken);

	/**
	 * Every calendar object resource of a calendar with its ETag: one PROPFIND Depth 1.
	 */
	List<RemoteResource> listResources(URI calendar);

	/**
	 * Fetches resources with calendar-multiget REPORTs, one per batch of the configured
	 * size. A 404 for one href does not fail the others.
	 */
	MultigetResult multiget(URI calendar, List<URI> hrefs);

	/**
	 * Writes a calendar object resource under the given precondition.
	 * @return the new ETag, or {@code null} if the server did not return one
	 * @throws PreconditionFailedException when the precondition does not hold (412)
	 */
	String put(URI href, String icalendar, WriteCondition condition);

	/**
	 * Deletes a resource if it still has the given ETag. A resource that is already gone
	 * counts as deleted.
	 * @throws PreconditionFailedException when the resource changed since (412)
	 */
	void delete(URI href, String etag);

	/**
	 * What the account may do to a calendar's members, by its
	 * {@code DAV:current-user-privilege-set}: one PROPFIND Depth 0. Asked after a write
	 * was refused, to tell a read-only calendar from a refused item.
	 */
	WriteAccess writeAccess(URI calendar);

	@Override
	void close();

}
