package com.wedsync.calsync.sync.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.wedsync.calsync.persistence.SqlValues.instant;
import static com.wedsync.calsync.persistence.SqlValues.timestamp;
import static com.wedsync.calsync.persistence.SqlValues.uuid;

/**
 * The {@code sync_outbox} table: which events must be written to which calendars. Rows
 * are inserted in the transaction of the platform change, so a committed change always
 * has its rows; a second change before the sync keeps the one row (and its first
 * {@code created_at}).
 */
@Repository
public class SyncOutbox {

	/**
	 * A participant shows a kind when it is in its comma-separated {@code kinds}; the
	 * commas around both sides keep {@code OTHER} from matching inside another name.
	 */
	private static final String SHOWS_KIND = "(',' || p.kinds || ',') LIKE ('%,' || e.kind || ',%')";

	private static final String UPSERT = "INSERT INTO sync_outbox (event_id, calendar_id, created_at) ";

	/**
	 * Without a conflict target: the form both PostgreSQL and H2 (in PostgreSQL mode)
	 * accept. The table's only unique constraint is its key.
	 */
	private static final String IGNORE_EXISTING = " ON CONFLICT DO NOTHING";

	private final JdbcClient jdbc;

	SyncOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Marks an event dirty for every participant calendar of its wedding that shows its
	 * kind, and for every calendar that holds a copy of it (so a delete or a change of
	 * kind reaches calendars that have it).
	 * @return the number of rows added (existing rows are not counted)
	 */
	public int markDirty(UUID eventId) {
		Instant now = Instant.now();
		int toParticipants = this.jdbc
			.sql(UPSERT + "SELECT e.id, p.calendar_id, ? FROM wedding_event e "
					+ "JOIN participant p ON p.wedding_id = e.wedding_id WHERE e.id = ? AND " + SHOWS_KIND
					+ IGNORE_EXISTING)
			.params(timestamp(now), eventId)
			.update();
		int toLinked = this.jdbc
			.sql(UPSERT + "SELECT l.event_id, l.calendar_id, ? FROM event_link l WHERE l.event_id = ?"
					+ IGNORE_EXISTING)
			.params(timestamp(now), eventId)
			.update();
		return toParticipants + toLinked;
	}

	/** Marks an event dirty for one calendar. */
	public void markDirty(UUID eventId, UUID calendarId) {
		this.jdbc.sql(UPSERT + "VALUES (?, ?, ?)" + IGNORE_EXISTING)
			.params(eventId, calendarId, timestamp(Instant.now()))
			.update();
	}

	/**
	 * Marks every live event of a wedding whose kind the participant calendar shows, as
	 * for a participant just added.
	 */
	public int markWeddingDirty(UUID weddingId, UUID calendarId) {
		return this.jdbc
			.sql(UPSERT + "SELECT e.id, p.calendar_id, ? FROM wedding_event e "
					+ "JOIN participant p ON p.wedding_id = e.wedding_id "
					+ "WHERE e.wedding_id = ? AND p.calendar_id = ? AND e.deleted = FALSE AND " + SHOWS_KIND
					+ IGNORE_EXISTING)
			.params(timestamp(Instant.now()), weddingId, calendarId)
			.update();
	}

	/**
	 * Marks every platform event a calendar should be brought in line with: the live
	 * events of its weddings of the kinds it shows, and every wedding event it holds a
	 * copy of (deleted ones too, so their deletes reach it). For a calendar that was
	 * read-only and may be written again: the writes withheld meanwhile are sent.
	 */
	public int markCalendarDirty(UUID calendarId) {
		Instant now = Instant.now();
		int shown = this.jdbc
			.sql(UPSERT + "SELECT e.id, p.calendar_id, ? FROM wedding_event e "
					+ "JOIN participant p ON p.wedding_id = e.wedding_id "
					+ "WHERE p.calendar_id = ? AND e.deleted = FALSE AND " + SHOWS_KIND + IGNORE_EXISTING)
			.params(timestamp(now), calendarId)
			.update();
		int held = this.jdbc
			.sql(UPSERT + "SELECT l.event_id, l.calendar_id, ? FROM event_link l "
					+ "JOIN wedding_event e ON e.id = l.event_id WHERE l.calendar_id = ? AND e.wedding_id IS NOT NULL"
					+ IGNORE_EXISTING)
			.params(timestamp(now), calendarId)
			.update();
		return shown + held;
	}

	/** What must be written to a calendar, oldest first. */
	public List<OutboxEntry> findByCalendar(UUID calendarId) {
		return this.jdbc
			.sql("SELECT event_id, calendar_id, created_at FROM sync_outbox WHERE calendar_id = ? "
					+ "ORDER BY created_at, event_id")
			.param(calendarId)
			.query((rs, row) -> new OutboxEntry(uuid(rs, "event_id"), uuid(rs, "calendar_id"),
					instant(rs, "created_at")))
			.list();
	}

	/** Whether platform changes wait to be written to any calendar of an integration. */
	public boolean hasPendingForIntegration(UUID integrationId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM sync_outbox o JOIN calendar c ON c.id = o.calendar_id "
					+ "WHERE c.integration_id = ?")
			.param(integrationId)
			.query(Long.class)
			.single() > 0;
	}

	/** What must be written for an event, by calendar. */
	public List<OutboxEntry> findByEvent(UUID eventId) {
		return this.jdbc
			.sql("SELECT event_id, calendar_id, created_at FROM sync_outbox WHERE event_id = ? ORDER BY calendar_id")
			.param(eventId)
			.query((rs, row) -> new OutboxEntry(uuid(rs, "event_id"), uuid(rs, "calendar_id"),
					instant(rs, "created_at")))
			.list();
	}

	/** Called when the calendar has the event's current version. */
	public boolean remove(UUID eventId, UUID calendarId) {
		return this.jdbc.sql("DELETE FROM sync_outbox WHERE event_id = ? AND calendar_id = ?")
			.params(eventId, calendarId)
			.update() > 0;
	}

}
