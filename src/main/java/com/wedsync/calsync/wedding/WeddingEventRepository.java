package com.wedsync.calsync.wedding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.wedsync.calsync.ical.CalendarObject;
import com.wedsync.calsync.ical.EventFields;
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

	/** The uid_scope of the platform's events: one identity per tenant and UID. */
	public static final String PLATFORM_SCOPE = "";

	private final JdbcClient jdbc;

	WeddingEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The platform's (a wedding's) event with this UID: one per tenant. */
	public Optional<WeddingEvent> findPlatformEvent(String tenantId, String uid) {
		return findScoped(tenantId, PLATFORM_SCOPE, uid);
	}

	/**
	 * A calendar's own event with this UID, imported from it: the same UID in another
	 * calendar is another event.
	 */
	public Optional<WeddingEvent> findImported(String tenantId, UUID calendarId, String uid) {
		return findScoped(tenantId, calendarId.toString(), uid);
	}

	private Optional<WeddingEvent> findScoped(String tenantId, String scope, String uid) {
		return this.jdbc.sql("SELECT * FROM wedding_event WHERE tenant_id = ? AND uid_scope = ? AND uid = ?")
			.params(tenantId, scope, uid)
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
		this.jdbc.sql("INSERT INTO wedding_event (id, tenant_id, origin_calendar_id, uid_scope, uid, kind, summary, "
				+ "location, description, start_at, end_at, time_zone, all_day, floating, rrule, ics, content_hash, "
				+ "version, updated_at, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, "
				+ "FALSE)")
			.params(id, tenantId, originCalendarId, originCalendarId.toString(), object.uid(), object.kind().name(),
					object.summary(), object.location(), object.description(), timestamp(t.start()), timestamp(t.end()),
					t.timeZone(), t.allDay(), t.floating(), object.recurrenceRule(), object.icalendar(),
					object.contentHash(), timestamp(Instant.now()))
			.update();
		return find(id).orElseThrow();
	}

	/**
	 * Which of {@code uids} the tenant has events of, deleted or not: UID to the scopes
	 * that hold it, {@link #PLATFORM_SCOPE} for a wedding's event, else the id of the
	 * calendar that imported it.
	 */
	public Map<String, Set<String>> existingUids(String tenantId, Collection<String> uids) {
		if (uids.isEmpty()) {
			return Map.of();
		}
		Map<String, Set<String>> scopes = new HashMap<>();
		this.jdbc.sql("SELECT uid, uid_scope FROM wedding_event WHERE tenant_id = :tenant AND uid IN (:uids)")
			.param("tenant", tenantId)
			.param("uids", uids)
			.query((rs, row) -> scopes.computeIfAbsent(rs.getString("uid"), (uid) -> new HashSet<>())
				.add(rs.getString("uid_scope")))
			.list();
		return scopes;
	}

	/**
	 * Inserts calendar-made events (version 1) with one multi-row statement; an import of
	 * many new events costs one round trip per chunk, not one per event.
	 * @param originCalendarIds the calendar each object came from, in order
	 * @return the new events' ids, in order
	 */
	public List<UUID> insertAll(String tenantId, List<UUID> originCalendarIds, List<CalendarObject> objects) {
		List<UUID> ids = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		OffsetDateTime now = timestamp(Instant.now());
		for (int i = 0; i < objects.size(); i++) {
			CalendarObject object = objects.get(i);
			EventTiming t = object.timing();
			UUID id = UUID.randomUUID();
			ids.add(id);
			params.addAll(Arrays.asList(id, tenantId, originCalendarIds.get(i), originCalendarIds.get(i).toString(),
					object.uid(), object.kind().name(), object.summary(), object.location(), object.description(),
					timestamp(t.start()), timestamp(t.end()), t.timeZone(), t.allDay(), t.floating(),
					object.recurrenceRule(), object.icalendar(), object.contentHash(), now));
		}
		if (!ids.isEmpty()) {
			this.jdbc
				.sql("INSERT INTO wedding_event (id, tenant_id, origin_calendar_id, uid_scope, uid, kind, summary, "
						+ "location, description, start_at, end_at, time_zone, all_day, floating, rrule, ics, "
						+ "content_hash, version, updated_at, deleted) VALUES "
						+ String.join(", ",
								Collections.nCopies(ids.size(),
										"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, FALSE)")))
				.params(params)
				.update();
		}
		return ids;
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

	/** The live events of a wedding, by start. */
	public List<WeddingEvent> findLive(UUID weddingId) {
		return this.jdbc
			.sql("SELECT * FROM wedding_event WHERE wedding_id = ? AND deleted = FALSE ORDER BY start_at, uid")
			.param(weddingId)
			.query(WeddingEventRepository::event)
			.list();
	}

	/** The live events whose start follows the given event's. */
	public List<WeddingEvent> findAnchoredTo(UUID anchorEventId) {
		return this.jdbc
			.sql("SELECT * FROM wedding_event WHERE anchor_event_id = ? AND deleted = FALSE ORDER BY start_at, uid")
			.param(anchorEventId)
			.query(WeddingEventRepository::event)
			.list();
	}

	/**
	 * Reads an event and locks its row until the transaction ends, so two changes of one
	 * event (an API call and a sync) apply one after the other.
	 */
	public Optional<WeddingEvent> lockForUpdate(UUID id) {
		return this.jdbc.sql("SELECT * FROM wedding_event WHERE id = ? FOR UPDATE")
			.param(id)
			.query(WeddingEventRepository::event)
			.optional();
	}

	/** Creates an event of a wedding, written on the platform; version 1. */
	public WeddingEvent insertPlatformEvent(Wedding wedding, String uid, EventFields fields, String ics,
			String contentHash, EventAnchor anchor) {
		UUID id = UUID.randomUUID();
		EventTiming t = fields.timing();
		this.jdbc
			.sql("INSERT INTO wedding_event (id, tenant_id, wedding_id, uid, kind, summary, location, description, "
					+ "start_at, end_at, time_zone, all_day, floating, rrule, ics, content_hash, version, updated_at, "
					+ "deleted, anchor_event_id, anchor_offset_s) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, FALSE, ?, ?)")
			.params(id, wedding.tenantId(), wedding.id(), uid, fields.kind().name(), fields.summary(),
					fields.location(), fields.description(), timestamp(t.start()), timestamp(t.end()), t.timeZone(),
					t.allDay(), t.floating(), fields.recurrenceRule(), ics, contentHash, timestamp(Instant.now()),
					(anchor != null) ? anchor.eventId() : null, (anchor != null) ? anchor.offset().toSeconds() : null)
			.update();
		return find(id).orElseThrow();
	}

	/**
	 * Replaces the modelled fields and the canonical body of a live event.
	 * @return the event with its version incremented
	 */
	public WeddingEvent updateFields(UUID id, EventFields fields, String ics, String contentHash) {
		EventTiming t = fields.timing();
		this.jdbc
			.sql("UPDATE wedding_event SET kind = ?, summary = ?, location = ?, description = ?, start_at = ?, "
					+ "end_at = ?, time_zone = ?, all_day = ?, floating = ?, rrule = ?, ics = ?, content_hash = ?, "
					+ "version = version + 1, updated_at = ? WHERE id = ?")
			.params(fields.kind().name(), fields.summary(), fields.location(), fields.description(),
					timestamp(t.start()), timestamp(t.end()), t.timeZone(), t.allDay(), t.floating(),
					fields.recurrenceRule(), ics, contentHash, timestamp(Instant.now()), id)
			.update();
		return find(id).orElseThrow();
	}

	/**
	 * Brings a deleted event back with the given content (a calendar-side edit wins over
	 * a platform delete).
	 * @return the live event with its version incremented
	 */
	public WeddingEvent restore(UUID id, EventFields fields, String ics, String contentHash) {
		this.jdbc.sql("UPDATE wedding_event SET deleted = FALSE WHERE id = ?").param(id).update();
		return updateFields(id, fields, ics, contentHash);
	}

	/** Sets or clears ({@code null}) the event whose start this one follows. */
	public void updateAnchor(UUID id, EventAnchor anchor) {
		this.jdbc.sql("UPDATE wedding_event SET anchor_event_id = ?, anchor_offset_s = ? WHERE id = ?")
			.params((anchor != null) ? anchor.eventId() : null, (anchor != null) ? anchor.offset().toSeconds() : null,
					id)
			.update();
	}

	private static WeddingEvent event(ResultSet rs, int row) throws SQLException {
		EventTiming timing = new EventTiming(instant(rs, "start_at"), instant(rs, "end_at"), rs.getString("time_zone"),
				rs.getBoolean("all_day"), rs.getBoolean("floating"));
		return new WeddingEvent(uuid(rs, "id"), rs.getString("tenant_id"), uuid(rs, "wedding_id"),
				uuid(rs, "origin_calendar_id"), rs.getString("uid"), EventKind.valueOf(rs.getString("kind")),
				rs.getString("summary"), rs.getString("location"), rs.getString("description"), timing,
				rs.getString("rrule"), rs.getString("ics"), rs.getString("content_hash"), rs.getLong("version"),
				instant(rs, "updated_at"), rs.getBoolean("deleted"), anchor(rs));
	}

	private static EventAnchor anchor(ResultSet rs) throws SQLException {
		UUID anchorId = uuid(rs, "anchor_event_id");
		return (anchorId != null) ? new EventAnchor(anchorId, Duration.ofSeconds(rs.getLong("anchor_offset_s"))) : null;
	}

}
