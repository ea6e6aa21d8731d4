package com.wedsync.calsync.sync.reconcile;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.DavException;
import com.wedsync.calsync.caldav.ForbiddenException;
import com.wedsync.calsync.caldav.WriteAccess;
import com.wedsync.calsync.integration.Calendar;
import com.wedsync.calsync.integration.CalendarRepository;

import org.springframework.stereotype.Component;

/**
 * Learns that a calendar is read-only from a write it refused. A 403 alone does not say
 * so (a server also refuses one item it will not hold, and a proxy may answer for it), so
 * the calendar's privileges are asked once: a set granting no write marks it read-only;
 * so does an RFC 3744 {@code DAV:need-privileges} refusal from a server that reports no
 * set. A set granting write outweighs the refusal's body: the next listing would show the
 * calendar writable again and lift the mark, and every sync would send a refused write to
 * learn it anew, so the refusal stays that one item's failure (a dead letter).
 */
@Component
class ReadOnlyCalendars {

	private static final Log logger = LogFactory.getLog(ReadOnlyCalendars.class);

	private final CalendarRepository calendars;

	ReadOnlyCalendars(CalendarRepository calendars) {
		this.calendars = calendars;
	}

	/**
	 * @return whether the refusal showed the calendar read-only; it is then marked so
	 */
	boolean learnFrom(CalDavClient client, Calendar calendar, ForbiddenException refusal) {
		if (calendar.readOnly() || !readOnly(client, calendar, refusal)) {
			return false;
		}
		this.calendars.markReadOnly(calendar.id());
		logger.info("Calendar " + calendar.id() + " refused a write and grants no write privilege: it is read-only "
				+ "for the account and synced one way from now on");
		return true;
	}

	/**
	 * Whether the calendar's privileges, or the refusal where it has none, say read-only.
	 */
	static boolean readOnly(CalDavClient client, Calendar calendar, ForbiddenException refusal) {
		WriteAccess access;
		try {
			access = client.writeAccess(calendar.href());
		}
		catch (DavException ex) {
			// The privileges cannot be read: the refusal's body is all there is to go by.
			logger.debug("Could not read the privileges of calendar " + calendar.id() + ": " + ex.getMessage());
			access = WriteAccess.UNREPORTED;
		}
		return switch (access) {
			case READ_ONLY -> true;
			case WRITABLE -> false;
			case UNREPORTED -> refusal.needsPrivileges();
		};
	}

}
