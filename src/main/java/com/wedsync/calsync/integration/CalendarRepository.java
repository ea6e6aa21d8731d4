package com.wedsync.calsync.integration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.wedsync.calsync.caldav.RemoteCalendar;
import com.wedsync.calsync.caldav.WriteAccess;

import com.wedsync.calsync.security.TenantScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.wedsync.calsync.persistence.SqlValues.instant;
import static com.wedsync.calsync.persistence.SqlValues.timestamp;
import static com.wedsync.calsync.persistence.SqlValues.uri;
import static com.wedsync.calsync.persistence.SqlValues.uuid;

/**
 * Calendars of integrations. Listing a calendar home records what the server reports as
 * <em>pending</em> ctag and sync-token; {@link #commitSyncState} makes them the committed
 * state once every change they cover is applied.
 */
@Repository
public class CalendarRepository {

	private static final String COLUMNS = "id, integration_id, href, display_name, color, ctag, sync_token, "
			+ "pending_ctag, pending_sync_token, supports_sync_collection, holds_events, status, status_detail, last_synced_at, deletions_confirmed_at, written_at, read_only";

	private final JdbcClient jdbc;

	CalendarRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a home listing: known calendars get their new properties and pending state,
	 * new ones are added, calendars no longer listed are marked
	 * {@link CalendarStatus#REMOVED}. A calendar's {@code read_only} follows the
	 * privileges listed; where the server lists none it stays as it was (a refused write
	 * may have taught it).
	 * @return the calendars of the integration after the update
	 */
	public List<Calendar> recordListing(UUID integrationId, List<RemoteCalendar> listed) {
		return recordListing(integrationId, findByIntegration(integrationId), listed);
	}

	/**
	 * {@link #recordListing(UUID, List)} against the integration's calendars as the
	 * caller read them before listing (to choose the listing's change markers).
	 */
	public List<Calendar> recordListing(UUID integrationId, List<Calendar> known, List<RemoteCalendar> listed) {
		for (RemoteCalendar remote : listed) {
			Optional<Calendar> existing = known.stream().filter((c) -> c.href().equals(remote.href())).findFirst();
			if (existing.isPresent()) {
				// A guarded calendar stays guarded until an operator confirms.
				boolean readOnly = (remote.access() == WriteAccess.UNREPORTED) ? existing.get().readOnly()
						: remote.access() == WriteAccess.READ_ONLY;
				this.jdbc.sql("UPDATE calendar SET display_name = ?, color = ?, pending_ctag = ?, "
						+ "pending_sync_token = ?, supports_sync_collection = ?, holds_events = ?, listed_at = ?, "
						+ "read_only = ?, status = CASE WHEN status = 'GUARDED' THEN status ELSE 'ACTIVE' END, "
						+ "status_detail = CASE WHEN status = 'GUARDED' THEN status_detail ELSE NULL END WHERE id = ?")
					.params(remote.displayName(), remote.color(), remote.ctag(), remote.syncToken(),
							remote.supportsSyncCollection(), remote.holdsEvents(), timestamp(Instant.now()), readOnly,
							existing.get().id())
					.update();
			}
			else {
				this.jdbc.sql("INSERT INTO calendar (id, integration_id, href, display_name, color, pending_ctag, "
						+ "pending_sync_token, supports_sync_collection, holds_events, status, listed_at, read_only) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
					.params(UUID.randomUUID(), integrationId, remote.href().toString(), remote.displayName(),
							remote.color(), remote.ctag(), remote.syncToken(), remote.supportsSyncCollection(),
							remote.holdsEvents(), CalendarStatus.ACTIVE.name(), timestamp(Instant.now()),
							remote.access() == WriteAccess.READ_ONLY)
					.update();
			}
		}
		for (Calendar calendar : known) {
			if (listed.stream().noneMatch((r) -> r.href().equals(calendar.href()))) {
				setStatus(calendar.id(), CalendarStatus.REMOVED, "No longer listed in the calendar home");
			}
		}
		return findByIntegration(integrationId);
	}

	public List<Calendar> findByIntegration(UUID integrationId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM calendar WHERE integration_id = ? ORDER BY href")
			.param(integrationId)
			.query(CalendarRepository::calendar)
			.list();
	}

	public Optional<Calendar> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM calendar WHERE id = ?")
			.param(id)
			.query(CalendarRepository::calendar)
			.optional();
	}

	/**
	 * The calendar, if the API caller's tenant owns its integration; another tenant's
	 * calendar is as unknown as a missing one.
	 */
	public Optional<Calendar> findVisible(UUID id) {
		Optional<Calendar> calendar = find(id);
		if (calendar.isEmpty()) {
			return calendar;
		}
		String tenant = this.jdbc.sql("SELECT tenant_id FROM integration WHERE id = ?")
			.param(calendar.get().integrationId())
			.query(String.class)
			.optional()
			.orElse(null);
		return calendar.filter((found) -> tenant != null && TenantScope.allows(tenant));
	}

	/**
	 * Replaces the pending sync-token, e.g. with the one a sync-collection REPORT
	 * returned, which is newer than the one the home listing showed.
	 */
	public void updatePendingSyncToken(UUID id, String syncToken) {
		this.jdbc.sql("UPDATE calendar SET pending_sync_token = ? WHERE id = ?").params(syncToken, id).update();
	}

	/**
	 * Drops the pending ctag: the calendar may have changed between the listing that
	 * showed it and the report that followed (see {@link Calendar#unchangedSince}).
	 */
	public void forgetPendingCtag(UUID id) {
		this.jdbc.sql("UPDATE calendar SET pending_ctag = NULL WHERE id = ?").param(id).update();
	}

	/**
	 * Commits a ctag listed together with the committed sync-token (see
	 * {@link Calendar#adoptsCtagFrom}), unless a sync committed other state meanwhile.
	 */
	public void adoptCtag(UUID id, String ctag, String syncToken) {
		this.jdbc
			.sql("UPDATE calendar SET ctag = ? WHERE id = ? AND ctag IS NULL AND sync_token = ? AND written_at IS NULL")
			.params(ctag, id, syncToken)
			.update();
	}

	/**
	 * Makes the pending ctag and sync-token the committed ones. A calendar whose listing
	 * carried no sync-token and that needed no sync report keeps the committed token.
	 */
	public void commitSyncState(UUID id, Instant at) {
		this.jdbc
			.sql("UPDATE calendar SET ctag = pending_ctag, sync_token = COALESCE(pending_sync_token, sync_token), "
					+ "last_synced_at = ?, deletions_confirmed_at = NULL, written_at = CASE WHEN "
					+ "written_at < listed_at THEN NULL ELSE written_at END WHERE id = ?")
			.params(timestamp(at), id)
			.update();
	}

	/** Forgets the committed token, so the next sync lists the calendar in full. */
	public void forgetSyncToken(UUID id) {
		this.jdbc.sql("UPDATE calendar SET sync_token = NULL, ctag = NULL WHERE id = ?").param(id).update();
	}

	/**
	 * calsync holds content newer than the calendar's token, from its own writes or from
	 * what it fetched (see {@link Calendar#isAheadOfToken()}); kept by a commit whose
	 * listing came earlier.
	 */
	public void markAheadOfToken(UUID id, Instant at) {
		this.jdbc.sql("UPDATE calendar SET written_at = ? WHERE id = ?").params(timestamp(at), id).update();
	}

	/** An operator confirmed the deletions a guarded calendar reported: sync it again. */
	public void confirmDeletions(UUID id, Instant at) {
		this.jdbc
			.sql("UPDATE calendar SET status = 'ACTIVE', status_detail = NULL, deletions_confirmed_at = ? "
					+ "WHERE id = ?")
			.params(timestamp(at), id)
			.update();
	}

	/**
	 * The account may not write this calendar (a write was refused and its privileges, or
	 * the refusal, say so); a listing that shows write privileges lifts it.
	 */
	public void markReadOnly(UUID id) {
		this.jdbc.sql("UPDATE calendar SET read_only = TRUE WHERE id = ?").param(id).update();
	}

	public void setStatus(UUID id, CalendarStatus status, String detail) {
		this.jdbc.sql("UPDATE calendar SET status = ?, status_detail = ? WHERE id = ?")
			.params(status.name(), detail, id)
			.update();
	}

	private static Calendar calendar(ResultSet rs, int row) throws SQLException {
		return new Calendar(uuid(rs, "id"), uuid(rs, "integration_id"), uri(rs, "href"), rs.getString("display_name"),
				rs.getString("color"), rs.getString("ctag"), rs.getString("sync_token"), rs.getString("pending_ctag"),
				rs.getString("pending_sync_token"), rs.getBoolean("supports_sync_collection"),
				rs.getBoolean("holds_events"), CalendarStatus.valueOf(rs.getString("status")),
				rs.getString("status_detail"), instant(rs, "last_synced_at"), instant(rs, "deletions_confirmed_at"),
				instant(rs, "written_at"), rs.getBoolean("read_only"));
	}

}
