package com.wedsync.calsync.scheduling;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.wedsync.calsync.caldav.ChangeMarkers;
import com.wedsync.calsync.caldav.RemoteCalendar;
import com.wedsync.calsync.integration.Calendar;
import com.wedsync.calsync.integration.CalendarStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** What the probe counts as a change, from the committed state and a fresh listing. */
class ChangeProbeTests {

	private static final URI HOME = URI.create("https://p01-caldav.icloud.com/1234/calendars/");

	@Test
	void shouldSeeNoChangeWhenEveryCalendarShowsItsCommittedCtag() {
		assertThat(ChangeProbe.changed(List.of(known("work", "c1", "t1", null)), List.of(listed("work", "c1", null))))
			.isFalse();
		assertThat(ChangeProbe.changed(List.of(known("work", "c1", "t1", null)), List.of(listed("work", "c1", "t1"))))
			.isFalse();
	}

	@Test
	void shouldSeeAChangeWhenTheCtagMoved() {
		assertThat(ChangeProbe.changed(List.of(known("work", "c1", "t1", null)), List.of(listed("work", "c2", null))))
			.isTrue();
		assertThat(ChangeProbe.changed(List.of(known("work", "c1", "t1", null)), List.of(listed("work", "c2", "t1"))))
			.isTrue();
	}

	@Test
	void shouldGoByTheSyncTokenWhereTheServerListsNoCtag() {
		List<Calendar> work = List.of(known("work", null, "t1", null));
		assertThat(ChangeProbe.changed(work, List.of(listed("work", null, "t1")))).isFalse();
		assertThat(ChangeProbe.changed(work, List.of(listed("work", null, "t2")))).isTrue();
		// a listing that carried neither marker proves nothing
		assertThat(ChangeProbe.changed(work, List.of(listed("work", null, null)))).isTrue();
	}

	@Test
	void shouldListTheCtagAloneUnlessACalendarWasCommittedWithATokenButNoCtag() {
		assertThat(Calendar.changeMarkersFor(List.of())).isEqualTo(ChangeMarkers.CTAG);
		assertThat(Calendar.changeMarkersFor(List.of(known("work", "c1", "t1", null)))).isEqualTo(ChangeMarkers.CTAG);
		assertThat(Calendar.changeMarkersFor(List.of(known("work", null, null, null)))).isEqualTo(ChangeMarkers.CTAG);
		assertThat(Calendar.changeMarkersFor(List.of(known("work", "c1", "t1", null), known("home", null, "t9", null))))
			.isEqualTo(ChangeMarkers.CTAG_AND_SYNC_TOKEN);
	}

	@Test
	void shouldGoByTheSyncTokenWhereTheLastSyncFoundChangesAndCommittedNoCtag() {
		List<Calendar> work = List.of(known("work", null, "t2", null));
		assertThat(Calendar.changeMarkersFor(work)).isEqualTo(ChangeMarkers.CTAG_AND_SYNC_TOKEN);
		assertThat(ChangeProbe.changed(work, List.of(listed("work", "c1", "t2")))).isFalse();
		assertThat(ChangeProbe.changed(work, List.of(listed("work", "c1", "t3")))).isTrue();
		assertThat(ChangeProbe.changed(work, List.of(listed("work", "c1", null)))).isTrue();
	}

	@Test
	void shouldNotGoByTheSyncTokenOfACalendarWithoutSyncCollection() {
		Calendar work = new Calendar(UUID.randomUUID(), UUID.randomUUID(), HOME.resolve("work/"), "work", null, null,
				"t1", null, "t1", false, true, CalendarStatus.ACTIVE, null, null, null, null);

		assertThat(ChangeProbe.changed(List.of(work), List.of(listed("work", "c1", "t1")))).isTrue();
		assertThat(work.adoptsCtagFrom("c1", "t1")).isFalse();
	}

	@Test
	void shouldAdoptAListedCtagOnlyWithTheCommittedSyncToken() {
		assertThat(known("work", null, "t2", null).adoptsCtagFrom("c1", "t2")).isTrue();
		assertThat(known("work", null, "t2", null).adoptsCtagFrom("c1", "t3")).isFalse();
		assertThat(known("work", null, "t2", null).adoptsCtagFrom(null, "t2")).isFalse();
		assertThat(known("work", null, "t2", Instant.now()).adoptsCtagFrom("c1", "t2")).isFalse();
		assertThat(known("work", "c0", "t2", null).adoptsCtagFrom("c1", "t2")).isFalse();
	}

	@Test
	void shouldSeeAChangeWhenACalendarAppearedOrDisappeared() {
		List<Calendar> work = List.of(known("work", "c1", "t1", null));
		assertThat(ChangeProbe.changed(work, List.of(listed("work", "c1", "t1"), listed("home", "c9", "t9")))).isTrue();
		assertThat(ChangeProbe.changed(work, List.of())).isTrue();
	}

	@Test
	void shouldSeeAChangeWhileOurOwnWritesAreNewerThanTheToken() {
		assertThat(ChangeProbe.changed(List.of(known("work", "c1", "t1", Instant.now())),
				List.of(listed("work", "c1", "t1"))))
			.isTrue();
	}

	@Test
	void shouldSeeAChangeForACalendarNeverSynced() {
		assertThat(ChangeProbe.changed(List.of(known("work", null, null, null)), List.of(listed("work", "c1", "t1"))))
			.isTrue();
	}

	private static Calendar known(String name, String ctag, String token, Instant writtenAt) {
		return new Calendar(UUID.randomUUID(), UUID.randomUUID(), HOME.resolve(name + "/"), name, null, ctag, token,
				ctag, token, true, true, CalendarStatus.ACTIVE, null, null, null, writtenAt);
	}

	private static RemoteCalendar listed(String name, String ctag, String token) {
		return new RemoteCalendar(HOME.resolve(name + "/"), name, null, ctag, token, Set.of("VEVENT"), true);
	}

}
