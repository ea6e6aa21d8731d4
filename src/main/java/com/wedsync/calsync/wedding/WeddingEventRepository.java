package com.wedsync.calsync.wedding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.wedsync.calsync.ical.CalendarObject;
import com.wedsync.calsync.ical.EventKind;
import com.wedsync.calsync.ical.EventTiming;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.wedsync.calsync.persistence.SqlValues.instant;
import static com.wedsync.calsync.persistence.SqlValues.timestamp;
import static com.wedsync.calsync.persistence.SqlValues.uuid;

/** The {@code wedding_event} table. */
@Repository
public class WeddingEventRepository {

	private final JdbcClient jdbc;

	WeddingEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<WeddingEvent> findByUid(String tenantId, String uid) {
		return this.jdbc.sql("SELECT * FROM wedding_event WHERE tenant_id = ? AND uid = ?")
			.params(tenantId, uid)
			.query(WeddingEventRepository::event)
			.optional();
	}

	public Optional<WeddingEvent> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM wedding_event WHERE id = ?")
			.param(id)
			.query(WeddingEventRepository::event)
			.optional();
	}

	/** The live events linked to a calendar, by start. */
	public List<WeddingEvent> findLinkedTo(UUID calendarId) {
		return this.jdbc
			.sql("SELECT e.* FROM wedding_event e JOIN event_link l ON l.event_id = e.id "
					+ "WHERE l.calendar_id = ? AND e.deleted = FALSE ORDER BY e.start_at, e.uid")
			.param(calendarId)
			.query(WeddingEventRepository::event)
			.list();
	}

	/** Imports an event first seen in a calendar. */
	public WeddingEvent insert(String tenantId, UUID originCalendarId, CalendarObject object) {
		UUID id = UUID.randomUUID();
		EventTiming t = object.timing();
		this.jdbc
			.sql("INSERT INTO wedding_event (id, tenant_id, origin_calendar_id, uid, kind, summary, location, "
					+ "description, start_at, end_at, time_zone, all_day, floating, rrule, ics, content_hash, version, "
					+ "updated_at, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, FALSE)")
			.params(id, tenantId, originCalendarId, object.uid(), object.kind().name(), object.summary(),
					object.location(), object.description(), timestamp(t.start()), timestamp(t.end()), t.timeZone(),
					t.allDay(), t.floating(), object.recurrenceRule(), object.icalendar(), object.contentHash(),
					timestamp(Instant.now()))
			.update();
		return find(id).orElseThrow();
	}

	/**
	 * Replaces the content with a calendar's version; revives the event if it was
	 * deleted.
	 */
	public WeddingEvent updateContent(UUID id, CalendarObject object) {
		EventTiming t = object.timing();
		this.jdbc
			.sql("UPDATE wedding_event SET kind = ?, summary = ?, location = ?, description = ?, start_at = ?, "
					+ "end_at = ?, time_zone = ?, all_day = ?, floating = ?, rrule = ?, ics = ?, content_hash = ?, "
					+ "version = version + 1, updated_at = ?, deleted = FALSE WHERE id = ?")
			.params(object.kind().name(), object.summary(), object.location(), object.description(),
					timestamp(t.start()), timestamp(t.end()), t.timeZone(), t.allDay(), t.floating(),
					object.recurrenceRule(), object.icalendar(), object.contentHash(), timestamp(Instant.now()), id)
			.update();
		return find(id).orElseThrow();
	}

	public void markDeleted(UUID id) {
		this.jdbc.sql("UPDATE wedding_event SET deleted = TRUE, version = version + 1, updated_at = ? WHERE id = ?")
			.params(timestamp(Instant.now()), id)
			.update();
	}

	private static WeddingEvent event(ResultSet rs, int row) throws SQLException {
		EventTiming timing = new EventTiming(instant(rs, "start_at"), instant(rs, "end_at"), rs.getString("time_zone"),
				rs.getBoolean("all_day"), rs.getBoolean("floating"));
		return new WeddingEvent(uuid(rs, "id"), rs.getString("tenant_id"), uuid(rs, "wedding_id"),
				uuid(rs, "origin_calendar_id"), rs.getString("uid"), EventKind.valueOf(rs.getString("kind")),
				rs.getString("summary"), rs.getString("location"), rs.getString("description"), timing,
				rs.getString("rrule"), rs.getString("ics"), rs.getString("content_hash"), rs.getLong("version"),
				instant(rs, "updated_at"), rs.getBoolean("deleted"));
	}

}
