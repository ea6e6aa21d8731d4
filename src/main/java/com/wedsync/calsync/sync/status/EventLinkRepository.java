package com.wedsync.calsync.sync.status;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.wedsync.calsync.persistence.SqlValues.timestamp;
import static com.wedsync.calsync.persistence.SqlValues.uri;
import static com.wedsync.calsync.persistence.SqlValues.uuid;

/** The {@code event_link} table. */
@Repository
public class EventLinkRepository {

	private final JdbcClient jdbc;

	EventLinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<EventLink> findByHref(UUID calendarId, URI href) {
		return this.jdbc.sql("SELECT * FROM event_link WHERE calendar_id = ? AND href = ?")
			.params(calendarId, href.toString())
			.query(EventLinkRepository::link)
			.optional();
	}

	public Optional<EventLink> findByEvent(UUID eventId, UUID calendarId) {
		return this.jdbc.sql("SELECT * FROM event_link WHERE event_id = ? AND calendar_id = ?")
			.params(eventId, calendarId)
			.query(EventLinkRepository::link)
			.optional();
	}

	/** Every calendar's link to an event. */
	public List<EventLink> findByEventId(UUID eventId) {
		return this.jdbc.sql("SELECT * FROM event_link WHERE event_id = ? ORDER BY calendar_id")
			.param(eventId)
			.query(EventLinkRepository::link)
			.list();
	}

	/**
	 * The ETag of every linked resource of a calendar: what an ETag listing is diffed
	 * against.
	 */
	public Map<URI, String> etagsByHref(UUID calendarId) {
		Map<URI, String> etags = new HashMap<>();
		this.jdbc.sql("SELECT href, etag FROM event_link WHERE calendar_id = ?").param(calendarId).query((rs) -> {
			etags.put(URI.create(rs.getString("href")), rs.getString("etag"));
		});
		return etags;
	}

	public void insert(UUID eventId, UUID calendarId, URI href, String etag, String contentHash, String baseIcs,
			long syncedVersion) {
		this.jdbc
			.sql("INSERT INTO event_link (id, event_id, calendar_id, href, etag, content_hash, base_ics, "
					+ "synced_version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), eventId, calendarId, href.toString(), etag, contentHash, baseIcs, syncedVersion,
					timestamp(Instant.now()))
			.update();
	}

	/** Inserts links with one multi-row statement (see {@link #insert}). */
	public void insertAll(List<NewLink> links) {
		if (links.isEmpty()) {
			return;
		}
		List<Object> params = new ArrayList<>();
		OffsetDateTime now = timestamp(Instant.now());
		for (NewLink link : links) {
			params.addAll(Arrays.asList(UUID.randomUUID(), link.eventId(), link.calendarId(), link.href().toString(),
					link.etag(), link.contentHash(), link.baseIcs(), link.syncedVersion(), now));
		}
		this.jdbc
			.sql("INSERT INTO event_link (id, event_id, calendar_id, href, etag, content_hash, base_ics, "
					+ "synced_version, updated_at) VALUES "
					+ String.join(", ", Collections.nCopies(links.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?)")))
			.params(params)
			.update();
	}

	/** A link to insert: what {@link #insert} takes. */
	public record NewLink(UUID eventId, UUID calendarId, URI href, String etag, String contentHash, String baseIcs,
			long syncedVersion) {
	}

	public void update(UUID linkId, String etag, String contentHash, String baseIcs, long syncedVersion) {
		this.jdbc
			.sql("UPDATE event_link SET etag = ?, content_hash = ?, base_ics = ?, synced_version = ?, "
					+ "updated_at = ? WHERE id = ?")
			.params(etag, contentHash, baseIcs, syncedVersion, timestamp(Instant.now()), linkId)
			.update();
	}

	/** Records a new ETag for content that did not change (the server rewrote it). */
	public void updateEtag(UUID linkId, String etag) {
		this.jdbc.sql("UPDATE event_link SET etag = ?, updated_at = ? WHERE id = ?")
			.params(etag, timestamp(Instant.now()), linkId)
			.update();
	}

	public void delete(UUID linkId) {
		this.jdbc.sql("DELETE FROM event_link WHERE id = ?").param(linkId).update();
	}

	public int countByEvent(UUID eventId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM event_link WHERE event_id = ?")
			.param(eventId)
			.query(Integer.class)
			.single();
	}

	private static EventLink link(ResultSet rs, int row) throws SQLException {
		return new EventLink(uuid(rs, "id"), uuid(rs, "event_id"), uuid(rs, "calendar_id"), uri(rs, "href"),
				rs.getString("etag"), rs.getString("content_hash"), rs.getString("base_ics"),
				rs.getLong("synced_version"));
	}

}
