package com.wedsync.calsync.sync.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.wedsync.calsync.support.EmbeddedDatabases;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's SQL on the embedded H2 default (PostgreSQL runs it in
 * {@code WeddingApiIntegrationTests}): kinds matched as whole names, upserts, removal.
 */
class SyncOutboxTests {

	private JdbcClient jdbc;

	private SyncOutbox outbox;

	private final UUID wedding = UUID.randomUUID();

	private final UUID all = UUID.randomUUID();

	private final UUID meetingsOnly = UUID.randomUUID();

	private final UUID linkedOnly = UUID.randomUUID();

	@BeforeEach
	void setUp() {
		this.jdbc = JdbcClient.create(EmbeddedDatabases.migratedH2());
		this.outbox = new SyncOutbox(this.jdbc);
		OffsetDateTime now = OffsetDateTime.now();
		UUID integration = UUID.randomUUID();
		this.jdbc
			.sql("INSERT INTO integration (id, tenant_id, provider, server_url, username, credential_key_id, "
					+ "credential_ciphertext, status, poll_interval_s, created_at, updated_at) "
					+ "VALUES (?, 't', 'CALDAV', 'https://x/', 'u', 'k', 'c', 'ACTIVE', 300, ?, ?)")
			.params(integration, now, now)
			.update();
		for (UUID calendar : new UUID[] { this.all, this.meetingsOnly, this.linkedOnly }) {
			this.jdbc
				.sql("INSERT INTO calendar (id, integration_id, href, supports_sync_collection, holds_events, status) "
						+ "VALUES (?, ?, ?, TRUE, TRUE, 'ACTIVE')")
				.params(calendar, integration, "/cal/" + calendar + "/")
				.update();
		}
		this.jdbc
			.sql("INSERT INTO wedding (id, tenant_id, title, time_zone, created_at, updated_at) "
					+ "VALUES (?, 't', 'W', 'UTC', ?, ?)")
			.params(this.wedding, now, now)
			.update();
		participant(this.all, "CEREMONY,MEETING,DEADLINE,OTHER");
		participant(this.meetingsOnly, "MEETING");
	}

	@Test
	void shouldSendAnEventToParticipantsShowingItsKindAndToCalendarsHoldingIt() {
		UUID other = event("OTHER", false);
		link(other, this.linkedOnly);

		assertThat(this.outbox.markDirty(other)).isEqualTo(2);

		assertThat(this.outbox.findByEvent(other)).extracting(OutboxEntry::calendarId)
			.containsExactlyInAnyOrder(this.all, this.linkedOnly);
	}

	@Test
	void shouldKeepOneRowForChangesBeforeTheSync() {
		UUID meeting = event("MEETING", false);
		this.outbox.markDirty(meeting);
		OutboxEntry first = this.outbox.findByCalendar(this.meetingsOnly).get(0);

		assertThat(this.outbox.markDirty(meeting)).isZero();
		this.outbox.markDirty(meeting, this.meetingsOnly);

		assertThat(this.outbox.findByCalendar(this.meetingsOnly)).containsExactly(first);
		assertThat(this.outbox.remove(meeting, this.meetingsOnly)).isTrue();
		assertThat(this.outbox.findByCalendar(this.meetingsOnly)).isEmpty();
		assertThat(this.outbox.findByCalendar(this.all)).hasSize(1);
	}

	@Test
	void shouldMarkTheLiveEventsAParticipantShowsWhenItJoins() {
		UUID meeting = event("MEETING", false);
		event("DEADLINE", false);
		event("MEETING", true);

		assertThat(this.outbox.markWeddingDirty(this.wedding, this.meetingsOnly)).isEqualTo(1);

		assertThat(this.outbox.findByCalendar(this.meetingsOnly)).extracting(OutboxEntry::eventId)
			.containsExactly(meeting);
	}

	@Test
	void shouldMarkWhatACalendarShowsAndHoldsWhenItMayBeWrittenAgain() {
		UUID meeting = event("MEETING", false);
		UUID deadline = event("DEADLINE", false);
		UUID gone = event("MEETING", true);
		link(deadline, this.meetingsOnly);
		link(gone, this.meetingsOnly);
		this.jdbc.sql("UPDATE calendar SET read_only = TRUE WHERE id = ?").param(this.meetingsOnly).update();

		assertThat(this.outbox.markCalendarDirty(this.meetingsOnly)).isEqualTo(3);

		assertThat(this.outbox.findByCalendar(this.meetingsOnly)).extracting(OutboxEntry::eventId)
			.containsExactlyInAnyOrder(meeting, deadline, gone);
		assertThat(this.outbox.findByCalendar(this.all)).isEmpty();
		assertThat(this.outbox.markCalendarDirty(this.meetingsOnly)).isZero();
	}

	private void participant(UUID calendar, String kinds) {
		this.jdbc
			.sql("INSERT INTO participant (id, wedding_id, calendar_id, role, kinds) VALUES (?, ?, ?, 'VENDOR', ?)")
			.params(UUID.randomUUID(), this.wedding, calendar, kinds)
			.update();
	}

	private UUID event(String kind, boolean deleted) {
		UUID id = UUID.randomUUID();
		OffsetDateTime now = OffsetDateTime.now();
		this.jdbc
			.sql("INSERT INTO wedding_event (id, tenant_id, wedding_id, uid, kind, start_at, end_at, all_day, "
					+ "floating, ics, content_hash, version, updated_at, deleted) "
					+ "VALUES (?, 't', ?, ?, ?, ?, ?, FALSE, FALSE, 'ics', 'h', 1, ?, ?)")
			.params(id, this.wedding, id + "@wedsync.app", kind, now, now.plusHours(1), now, deleted)
			.update();
		return id;
	}

	private void link(UUID event, UUID calendar) {
		this.jdbc
			.sql("INSERT INTO event_link (id, event_id, calendar_id, href, content_hash, base_ics, synced_version, "
					+ "updated_at) VALUES (?, ?, ?, ?, 'h', 'ics', 1, ?)")
			.params(UUID.randomUUID(), event, calendar, "/cal/" + event + ".ics", OffsetDateTime.now())
			.update();
	}

}
