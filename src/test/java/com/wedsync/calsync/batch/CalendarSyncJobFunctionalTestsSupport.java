package com.wedsync.calsync.batch;

import java.net.URI;

import com.wedsync.calsync.testpeers.CalDavTestServer;

/** The fixture calendar of the functional tests, for tests in other packages. */
public final class CalendarSyncJobFunctionalTestsSupport {

	private CalendarSyncJobFunctionalTestsSupport() {
	}

	public static void putFixtures(CalDavTestServer server, URI calendar) {
		CalendarSyncJobFunctionalTests.putFixtures(server, calendar);
	}

	/** A one-hour event in June 2027 with the given UID and summary. */
	public static String event(String uid, String summary) {
		return CalendarSyncJobFunctionalTests.simpleEvent(uid, summary);
	}

}
