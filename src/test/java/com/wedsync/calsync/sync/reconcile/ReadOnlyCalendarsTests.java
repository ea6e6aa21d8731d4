package com.wedsync.calsync.sync.reconcile;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.CalendarHome;
import com.wedsync.calsync.caldav.ChangeMarkers;
import com.wedsync.calsync.caldav.ForbiddenException;
import com.wedsync.calsync.caldav.MultigetResult;
import com.wedsync.calsync.caldav.RateLimitedException;
import com.wedsync.calsync.caldav.RemoteCalendar;
import com.wedsync.calsync.caldav.RemoteResource;
import com.wedsync.calsync.caldav.SyncDelta;
import com.wedsync.calsync.caldav.WriteAccess;
import com.wedsync.calsync.caldav.WriteCondition;
import com.wedsync.calsync.integration.Calendar;
import com.wedsync.calsync.integration.CalendarStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a 403 teaches: the calendar's privileges decide, asked once; a need-privileges
 * refusal decides only where the server reports none.
 */
class ReadOnlyCalendarsTests {

	private static final URI CALENDAR = URI.create("https://dav.example.com/home/shared/");

	@ParameterizedTest(name = "privileges {0}, need-privileges body {1} → read-only {2}")
	@CsvSource({ "READ_ONLY, false, true", "READ_ONLY, true, true", "WRITABLE, false, false", "WRITABLE, true, false",
			"UNREPORTED, false, false", "UNREPORTED, true, true" })
	void shouldGoByThePrivilegesAndByTheRefusalOnlyWhereThereAreNone(WriteAccess privileges, boolean needsPrivileges,
			boolean readOnly) {
		AskedClient client = new AskedClient(() -> privileges);

		assertThat(ReadOnlyCalendars.readOnly(client, calendar(), refusal(needsPrivileges))).isEqualTo(readOnly);
		assertThat(client.asked).containsExactly(CALENDAR);
	}

	@Test
	void shouldGoByTheRefusalWhenThePrivilegesCannotBeRead() {
		AskedClient client = new AskedClient(() -> {
			throw new RateLimitedException("PROPFIND failed: rate limited", CALENDAR, 429, null);
		});

		assertThat(ReadOnlyCalendars.readOnly(client, calendar(), refusal(false))).isFalse();
		assertThat(ReadOnlyCalendars.readOnly(client, calendar(), refusal(true))).isTrue();
	}

	private static ForbiddenException refusal(boolean needsPrivileges) {
		return new ForbiddenException("PUT failed: forbidden", CALENDAR.resolve("a.ics"), 403, needsPrivileges);
	}

	private static Calendar calendar() {
		return new Calendar(UUID.randomUUID(), UUID.randomUUID(), CALENDAR, "Shared", null, null, null, null, null,
				true, true, CalendarStatus.ACTIVE, null, null, null, null);
	}

	/** A session that only answers privileges; anything else is a test failure. */
	private static final class AskedClient implements CalDavClient {

		private final Supplier<WriteAccess> answer;

		private final List<URI> asked = new ArrayList<>();

		AskedClient(Supplier<WriteAccess> answer) {
			this.answer = answer;
		}

		@Override
		public WriteAccess writeAccess(URI calendar) {
			this.asked.add(calendar);
			return this.answer.get();
		}

		@Override
		public CalendarHome discover() {
			throw new AssertionError("not asked");
		}

		@Override
		public List<RemoteCalendar> listCalendars(URI calendarHome, ChangeMarkers markers) {
			throw new AssertionError("not asked");
		}

		@Override
		public SyncDelta syncCollection(URI calendar, String syncToken) {
			throw new AssertionError("not asked");
		}

		@Override
		public List<RemoteResource> listResources(URI calendar) {
			throw new AssertionError("not asked");
		}

		@Override
		public MultigetResult multiget(URI calendar, List<URI> hrefs) {
			throw new AssertionError("not asked");
		}

		@Override
		public String put(URI href, String icalendar, WriteCondition condition) {
			throw new AssertionError("not asked");
		}

		@Override
		public void delete(URI href, String etag) {
			throw new AssertionError("not asked");
		}

		@Override
		public void close() {
		}

	}

}
