package com.wedsync.calsync.sync.staging;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.wedsync.calsync.persistence.SqlValues.uri;
import static com.wedsync.calsync.persistence.SqlValues.uuid;

/**
 * The {@code sync_staging} table: remote changes between detection and application. It is
 * what makes a sync restartable: a crash leaves the rows, and a restarted step reads on
 * from the ones not yet settled.
 */
@Repository
public class SyncStagingRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	SyncStagingRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * Stages the changes of one calendar in one JDBC batch. The calendar's staging must
	 * be clear: detection always starts from the committed token.
	 * @param etags the new ETag by href ({@code null} values for deletions)
	 */
	public void stageAll(UUID integrationId, UUID calendarId, Map<URI, String> etags, StagingState state) {
		List<Object[]> rows = etags.entrySet()
			.stream()
			.map((e) -> new Object[] { calendarId, e.getKey().toString(), integrationId, e.getValue(), state.name() })
			.toList();
		this.jdbcTemplate.batchUpdate(
				"INSERT INTO sync_staging (calendar_id, href, integration_id, etag, state) VALUES (?, ?, ?, ?, ?)",
				rows);
	}

	/**
	 * Stages one resource as {@link StagingState#PENDING} unless detection staged it
	 * already: a dead letter being replayed, fetched again although the calendar's token
	 * moved past it.
	 * @return whether a row was added
	 */
	public boolean stagePendingUnlessStaged(UUID integrationId, UUID calendarId, URI href) {
		return this.jdbc
			.sql("INSERT INTO sync_staging (calendar_id, href, integration_id, etag, state) SELECT ?, ?, ?, NULL, ? "
					+ "WHERE NOT EXISTS (SELECT 1 FROM sync_staging WHERE calendar_id = ? AND href = ?)")
			.params(calendarId, href.toString(), integrationId, StagingState.PENDING.name(), calendarId,
					href.toString())
			.update() > 0;
	}

	/**
	 * Stores the bodies of one multiget, with the UID and kind read from each so they can
	 * be reconciled by priority, in one JDBC batch.
	 */
	public void markFetched(UUID calendarId, List<FetchedBody> bodies) {
		List<Object[]> rows = bodies.stream()
			.map((b) -> new Object[] { b.etag(), b.icalendar(), b.uid(), b.kind(), StagingState.FETCHED.name(),
					calendarId, b.href().toString() })
			.toList();
		this.jdbcTemplate.batchUpdate("UPDATE sync_staging SET etag = ?, ics = ?, uid = ?, kind = ?, state = ? "
				+ "WHERE calendar_id = ? AND href = ?", rows);
	}

	/**
	 * The next {@code limit} pending changes of an integration after the given one, in
	 * the order the fetch step reads them (calendar, then href): what it will ask for
	 * next.
	 */
	public List<StagedChange> findPendingAfter(UUID integrationId, UUID calendarId, URI href, int limit) {
		return this.jdbc
			.sql("SELECT * FROM sync_staging WHERE integration_id = ? AND state = 'PENDING' AND (calendar_id > ? "
					+ "OR (calendar_id = ? AND href > ?)) ORDER BY calendar_id, href LIMIT ?")
			.params(integrationId, calendarId, calendarId, href.toString(), limit)
			.query(SyncStagingRepository::stagedChange)
			.list();
	}

	/**
	 * The staged changes of one integration that concern an event: those in hrefs linked
	 * to it, and unlinked ones carrying its UID.
	 * @param eventId the platform event, or {@code null} when there is none yet
	 */
	public List<StagedChange> findForEvent(UUID integrationId, UUID eventId, String uid) {
		return this.jdbc
			// Two index lookups (the event's links; the UID) rather than one OR over a
			// join, which reads every staged row of the integration for each event.
			.sql("SELECT s.* FROM sync_staging s JOIN event_link l ON l.calendar_id = s.calendar_id "
					+ "AND l.href = s.href WHERE l.event_id = :event AND s.integration_id = :integration "
					+ "AND s.state IN ('FETCHED', 'GONE') UNION ALL SELECT s.* FROM sync_staging s "
					+ "WHERE s.integration_id = :integration AND s.uid = :uid AND s.state IN ('FETCHED', 'GONE') "
					+ "AND NOT EXISTS (SELECT 1 FROM event_link l WHERE l.calendar_id = s.calendar_id "
					+ "AND l.href = s.href) ORDER BY calendar_id, href")
			.param("integration", integrationId)
			.param("event", eventId)
			.param("uid", uid)
			.query(SyncStagingRepository::stagedChange)
			.list();
	}

	/**
	 * The unsettled changes of a UID that no wedding has: those of hrefs linked to the
	 * calendars' own (imported) copies with this UID, and those of unlinked hrefs holding
	 * it. Each calendar's copy is its own event.
	 */
	public List<StagedChange> findForImport(UUID integrationId, String uid) {
		return this.jdbc
			.sql("SELECT s.* FROM sync_staging s JOIN event_link l ON l.calendar_id = s.calendar_id "
					+ "AND l.href = s.href JOIN wedding_event e ON e.id = l.event_id WHERE e.uid = :uid "
					+ "AND e.wedding_id IS NULL AND s.integration_id = :integration AND s.state IN ('FETCHED', 'GONE') "
					+ "UNION ALL SELECT s.* FROM sync_staging s "
					+ "WHERE s.integration_id = :integration AND s.uid = :uid AND s.state IN ('FETCHED', 'GONE') "
					+ "AND NOT EXISTS (SELECT 1 FROM event_link l WHERE l.calendar_id = s.calendar_id "
					+ "AND l.href = s.href) ORDER BY calendar_id, href")
			.param("integration", integrationId)
			.param("uid", uid)
			.query(SyncStagingRepository::stagedChange)
			.list();
	}

	/**
	 * {@link #findForEvent} for many UIDs that no event has yet, in one query: their
	 * unsettled changes in hrefs not linked to any event, by UID.
	 */
	public Map<String, List<StagedChange>> findUnlinkedByUids(UUID integrationId, Collection<String> uids) {
		Map<String, List<StagedChange>> byUid = new LinkedHashMap<>();
		if (uids.isEmpty()) {
			return byUid;
		}
		this.jdbc
			.sql("SELECT s.* FROM sync_staging s WHERE s.integration_id = :integration AND s.uid IN (:uids) "
					+ "AND s.state IN ('FETCHED', 'GONE') AND NOT EXISTS (SELECT 1 FROM event_link l "
					+ "WHERE l.calendar_id = s.calendar_id AND l.href = s.href) ORDER BY calendar_id, href")
			.param("integration", integrationId)
			.param("uids", uids)
			.query((rs, row) -> Map.entry(rs.getString("uid"), stagedChange(rs, row)))
			.list()
			.forEach(
					(entry) -> byUid.computeIfAbsent(entry.getKey(), (uid) -> new ArrayList<>()).add(entry.getValue()));
		return byUid;
	}

	/**
	 * Fetched changes of a calendar in hrefs not linked to any event: new on the
	 * calendar.
	 */
	public List<StagedChange> findUnlinkedFetched(UUID calendarId) {
		return this.jdbc.sql("SELECT s.* FROM sync_staging s WHERE s.calendar_id = ? AND s.state = 'FETCHED' "
				+ "AND NOT EXISTS (SELECT 1 FROM event_link l WHERE l.calendar_id = s.calendar_id AND l.href = s.href)")
			.param(calendarId)
			.query(SyncStagingRepository::stagedChange)
			.list();
	}

	/** Parks the staged changes of an event whose reconciliation was skipped. */
	public void markSkipped(UUID integrationId, String uid) {
		this.jdbc
			.sql("UPDATE sync_staging SET state = 'SKIPPED' WHERE integration_id = ? AND state IN "
					+ "('FETCHED', 'GONE') AND (uid = ? OR EXISTS (SELECT 1 FROM event_link l JOIN wedding_event e ON "
					+ "e.id = l.event_id WHERE l.calendar_id = sync_staging.calendar_id AND l.href = sync_staging.href "
					+ "AND e.uid = ?))")
			.params(integrationId, uid, uid)
			.update();
	}

	public void markState(UUID calendarId, URI href, StagingState state) {
		this.jdbc.sql("UPDATE sync_staging SET state = ? WHERE calendar_id = ? AND href = ?")
			.params(state.name(), calendarId, href.toString())
			.update();
	}

	/** Settles a change as applied, remembering what applying it did. */
	public void markApplied(UUID calendarId, URI href, String outcome) {
		this.jdbc.sql("UPDATE sync_staging SET state = ?, outcome = ?, ics = NULL WHERE calendar_id = ? AND href = ?")
			.params(StagingState.APPLIED.name(), outcome, calendarId, href.toString())
			.update();
	}

	/** {@link #markApplied} for many changes with one outcome, in one JDBC batch. */
	public void markAppliedAll(List<StagedChange> changes, String outcome) {
		List<Object[]> rows = changes.stream()
			.map((c) -> new Object[] { StagingState.APPLIED.name(), outcome, c.calendarId(), c.href().toString() })
			.toList();
		this.jdbcTemplate.batchUpdate(
				"UPDATE sync_staging SET state = ?, outcome = ?, ics = NULL WHERE calendar_id = ? AND href = ?", rows);
	}

	/**
	 * Settles deletions of resources nothing was linked to (a 404 in a multiget for an
	 * href first seen in this sync): there is nothing to apply.
	 */
	public void settleUnlinkedDeletions(UUID integrationId) {
		this.jdbc
			.sql("UPDATE sync_staging SET state = 'APPLIED', outcome = 'UNCHANGED' WHERE integration_id = ? "
					+ "AND state = 'GONE' AND NOT EXISTS (SELECT 1 FROM event_link l WHERE l.calendar_id = "
					+ "sync_staging.calendar_id AND l.href = sync_staging.href)")
			.param(integrationId)
			.update();
	}

	/** Counts the changes of a calendar by state. */
	public Map<StagingState, Integer> countByState(UUID calendarId) {
		Map<StagingState, Integer> counts = new EnumMap<>(StagingState.class);
		this.jdbc.sql("SELECT state, COUNT(*) AS n FROM sync_staging WHERE calendar_id = ? GROUP BY state")
			.param(calendarId)
			.query((rs) -> {
				counts.put(StagingState.valueOf(rs.getString("state")), rs.getInt("n"));
			});
		return counts;
	}

	/**
	 * The body this sync fetched for an href, if it fetched one and has not applied it.
	 */
	public Optional<String> fetchedBody(UUID calendarId, URI href) {
		return this.jdbc.sql("SELECT ics FROM sync_staging WHERE calendar_id = ? AND href = ? AND state = 'FETCHED'")
			.params(calendarId, href.toString())
			.query(String.class)
			.optional();
	}

	public List<StagedChange> findByCalendar(UUID calendarId, Collection<StagingState> states) {
		return this.jdbc.sql("SELECT * FROM sync_staging WHERE calendar_id = :calendar AND state IN (:states)")
			.param("calendar", calendarId)
			.param("states", states.stream().map(Enum::name).toList())
			.query(SyncStagingRepository::stagedChange)
			.list();
	}

	/**
	 * Forgets what an earlier, unfinished sync staged: it is detected again from the
	 * token.
	 */
	public void clearIntegration(UUID integrationId) {
		this.jdbc.sql("DELETE FROM sync_staging WHERE integration_id = ?").param(integrationId).update();
	}

	/** Forgets the settled changes of a calendar whose token cannot move yet. */
	public void clearSettled(UUID calendarId) {
		this.jdbc.sql("DELETE FROM sync_staging WHERE calendar_id = ? AND state IN ('APPLIED', 'SKIPPED')")
			.param(calendarId)
			.update();
	}

	public void clearCalendar(UUID calendarId) {
		this.jdbc.sql("DELETE FROM sync_staging WHERE calendar_id = ?").param(calendarId).update();
	}

	public static StagedChange stagedChange(ResultSet rs, int row) throws SQLException {
		return new StagedChange(uuid(rs, "integration_id"), uuid(rs, "calendar_id"), uri(rs, "href"),
				rs.getString("etag"), rs.getString("ics"), StagingState.valueOf(rs.getString("state")));
	}

}
