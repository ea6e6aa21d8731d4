package com.wedsync.calsync.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.wedsync.calsync.observability.CalSyncMetrics;
import com.wedsync.calsync.support.EmbeddedDatabases;

import org.springframework.jdbc.core.simple.JdbcClient;

import static com.wedsync.calsync.persistence.SqlValues.timestamp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dead-letter life cycle the sync and the API rely on, on the embedded H2 default
 * (the functional tests run the same SQL on PostgreSQL): a replayed item that fails again
 * is the same letter, open again; replays of events (letters with only a UID) are settled
 * by whether the event still waits in the outbox.
 */
class DeadLetterRepositoryTests {

	private static final String TENANT = "acme";

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private JdbcClient jdbc;

	private DeadLetterRepository deadLetters;

	private UUID integrationId;

	@BeforeEach
	void setUp() {
		this.jdbc = JdbcClient.create(EmbeddedDatabases.migratedH2());
		this.deadLetters = new DeadLetterRepository(this.jdbc, this.meters);
		this.integrationId = UUID.randomUUID();
		this.jdbc
			.sql("INSERT INTO integration (id, tenant_id, provider, server_url, username, credential_key_id, "
					+ "credential_ciphertext, status, poll_interval_s, created_at, updated_at) "
					+ "VALUES (?, ?, 'CALDAV', 'http://dav.example/', 'u', 'k', 'c', 'ACTIVE', 300, ?, ?)")
			.params(this.integrationId, TENANT, timestamp(Instant.now()), timestamp(Instant.now()))
			.update();
	}

	@Test
	void shouldCountAnotherAttemptOnTheSameLetterWhenAReplayedItemFailsAgain() {
		this.deadLetters.park(fetchFailure("/cal/bad.ics"));
		UUID id = onlyLetter().id();
		assertThat(this.deadLetters.markReplaying(id)).isTrue();
		assertThat(this.deadLetters.markReplaying(id)).isFalse();

		this.deadLetters.park(fetchFailure("/cal/bad.ics"));

		StoredDeadLetter letter = onlyLetter();
		assertThat(letter.id()).isEqualTo(id);
		assertThat(letter.status()).isEqualTo(DeadLetterStatus.OPEN);
		assertThat(letter.attempts()).isEqualTo(2);
		assertThat(this.meters.get(CalSyncMetrics.DEAD_LETTERS_CREATED).counter().count()).isEqualTo(1);
	}

	@Test
	void shouldStartANewLetterForAnItemFailingAfterItsLetterWasDiscarded() {
		this.deadLetters.park(fetchFailure("/cal/bad.ics"));
		assertThat(this.deadLetters.discard(onlyLetter().id())).isTrue();

		this.deadLetters.park(fetchFailure("/cal/bad.ics"));

		assertThat(this.deadLetters.find(null, this.integrationId, 10)).extracting(StoredDeadLetter::status)
			.containsExactlyInAnyOrder(DeadLetterStatus.OPEN, DeadLetterStatus.DISCARDED);
		assertThat(this.deadLetters.find(DeadLetterStatus.OPEN, null, 10)).hasSize(1);
		assertThat(this.deadLetters.countAllOpen()).isEqualTo(1);
	}

	@Test
	void shouldResolveAReplayedEventOnlyWhenNothingWaitsInTheOutboxAndReopenOneWithoutEvent() {
		event("reconciled@x");
		UUID waiting = event("waiting@x");
		UUID calendarId = calendar();
		this.jdbc.sql("INSERT INTO sync_outbox (event_id, calendar_id, created_at) VALUES (?, ?, ?)")
			.params(waiting, calendarId, timestamp(Instant.now()))
			.update();
		for (String uid : List.of("reconciled@x", "waiting@x", "gone@x")) {
			this.deadLetters.park(new DeadLetter(this.integrationId, null, null, uid, "reconcile-other", null,
					"com.wedsync.calsync.caldav.ForbiddenException", "403"));
		}
		this.deadLetters.find(null, this.integrationId, 10)
			.forEach((letter) -> this.deadLetters.markReplaying(letter.id()));

		int resolved = this.deadLetters.settleReplays(this.integrationId);

		assertThat(resolved).isEqualTo(1);
		assertThat(statusOf("reconciled@x")).isEqualTo(DeadLetterStatus.RESOLVED);
		assertThat(statusOf("waiting@x")).isEqualTo(DeadLetterStatus.REPLAYING);
		assertThat(statusOf("gone@x")).isEqualTo(DeadLetterStatus.OPEN);
	}

	private DeadLetter fetchFailure(String href) {
		return new DeadLetter(this.integrationId, null, href, null, "fetchRemote", "BEGIN:VCALENDAR",
				"com.wedsync.calsync.ical.InvalidICalendarException", "over the limit");
	}

	private StoredDeadLetter onlyLetter() {
		List<StoredDeadLetter> letters = this.deadLetters.find(null, this.integrationId, 10);
		assertThat(letters).hasSize(1);
		return letters.get(0);
	}

	private DeadLetterStatus statusOf(String uid) {
		return this.deadLetters.find(null, this.integrationId, 10)
			.stream()
			.filter((letter) -> uid.equals(letter.uid()))
			.findFirst()
			.orElseThrow()
			.status();
	}

	/** An event imported from a calendar (no wedding), as the sync leaves it. */
	private UUID event(String uid) {
		UUID id = UUID.randomUUID();
		var now = timestamp(Instant.now());
		this.jdbc.sql("INSERT INTO wedding_event (id, tenant_id, uid, kind, start_at, end_at, all_day, floating, ics, "
				+ "content_hash, version, updated_at, deleted) VALUES (?, ?, ?, 'OTHER', ?, ?, FALSE, FALSE, 'ics', "
				+ "'h', 1, ?, FALSE)")
			.params(id, TENANT, uid, now, now, now)
			.update();
		return id;
	}

	private UUID calendar() {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("INSERT INTO calendar (id, integration_id, href, supports_sync_collection, holds_events, status) "
					+ "VALUES (?, ?, 'http://dav.example/cal/', TRUE, TRUE, 'ACTIVE')")
			.params(id, this.integrationId)
			.update();
		return id;
	}

}
