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
 * the calendar is marked read-only only when the refusal is an RFC 3744
 * {@code DAV:need-privileges} error or the calendar's privileges, asked once, grant no
 * write. Otherwise the refusal stays that one item's failure (a dead letter).
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

	private static boolean readOnly(CalDavClient client, Calendar calendar, ForbiddenException refusal) {
		if (refusal.needsPrivileges()) {
			return true;
		}
		try {
			return client.writeAccess(calendar.href()) == WriteAccess.READ_ONLY;
		}
		catch (DavException ex) {
			// The privileges cannot be read: nothing is learnt, the refusal is the
			// item's.
			logger.debug("Could not read the privileges of calendar " + calendar.id() + ": " + ex.getMessage());
			return false;
		}
	}

}
