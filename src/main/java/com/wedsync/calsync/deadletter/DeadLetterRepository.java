package com.wedsync.calsync.deadletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.wedsync.calsync.observability.CalSyncMetrics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.wedsync.calsync.persistence.SqlValues.instant;
import static com.wedsync.calsync.persistence.SqlValues.timestamp;
import static com.wedsync.calsync.persistence.SqlValues.uuid;

/** The {@code dead_letter} table: items parked with the reason, so the rest syncs on. */
@Repository
public class DeadLetterRepository {

	private static final int MAX_MESSAGE = 4000;

	private static final String COLUMNS = "id, integration_id, calendar_id, href, uid, step, error_class, "
			+ "error_message, attempts, status, first_failed_at, last_failed_at";

	private final JdbcClient jdbc;

	private final MeterRegistry meterRegistry;

	DeadLetterRepository(JdbcClient jdbc, MeterRegistry meterRegistry) {
		this.jdbc = jdbc;
		this.meterRegistry = meterRegistry;
	}

	// Parking, from the sync

	/**
	 * Parks an item. An item already open or being replayed (same integration, href and
	 * UID) counts another attempt and is open again, instead of a second row.
	 */
	public void park(DeadLetter letter) {
		Instant now = Instant.now();
		String message = truncate(letter.errorMessage());
		int updated = this.jdbc
			.sql("UPDATE dead_letter SET attempts = attempts + 1, status = 'OPEN', last_failed_at = ?, payload = ?, "
					+ "error_class = ?, error_message = ? WHERE integration_id = ? AND status IN ('OPEN', 'REPLAYING') "
					+ "AND COALESCE(href, '') = COALESCE(?, '') AND COALESCE(uid, '') = COALESCE(?, '')")
			.params(timestamp(now), letter.payload(), letter.errorClass(), message, letter.integrationId(),
					letter.href(), letter.uid())
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("INSERT INTO dead_letter (id, integration_id, calendar_id, href, uid, step, payload, "
						+ "error_class, error_message, attempts, status, first_failed_at, last_failed_at) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'OPEN', ?, ?)")
				.params(UUID.randomUUID(), letter.integrationId(), letter.calendarId(), letter.href(), letter.uid(),
						letter.step(), letter.payload(), letter.errorClass(), message, timestamp(now), timestamp(now))
				.update();
			Counter.builder(CalSyncMetrics.DEAD_LETTERS_CREATED)
				.description("Items parked as dead letters (a new letter, not another attempt of one)")
				.tag(CalSyncMetrics.TAG_STEP, letter.step())
				.register(this.meterRegistry)
				.increment();
		}
	}

	// Reading, for operators

	public int countOpen(UUID integrationId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM dead_letter WHERE integration_id = ? AND status = 'OPEN'")
			.param(integrationId)
			.query(Integer.class)
			.single();
	}

	public int countAllOpen() {
		return this.jdbc.sql("SELECT COUNT(*) FROM dead_letter WHERE status = 'OPEN'").query(Integer.class).single();
	}

	/**
	 * Newest failure first.
	 * @param status {@code null} for every status
	 * @param integrationId {@code null} for every integration
	 */
	public List<StoredDeadLetter> find(DeadLetterStatus status, UUID integrationId, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM dead_letter WHERE (CAST(:status AS VARCHAR(16)) IS NULL "
					+ "OR status = :status) AND (CAST(:integration AS UUID) IS NULL OR integration_id = :integration) "
					+ "ORDER BY last_failed_at DESC, id LIMIT :limit")
			.param("status", (status != null) ? status.name() : null)
			.param("integration", integrationId)
			.param("limit", limit)
			.query(DeadLetterRepository::storedDeadLetter)
			.list();
	}

	public Optional<StoredDeadLetter> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter WHERE id = ?")
			.param(id)
			.query(DeadLetterRepository::storedDeadLetter)
			.optional();
	}

	/** The item as received, or empty when there is no such letter or it has none. */
	public Optional<String> findPayload(UUID id) {
		return this.jdbc.sql("SELECT payload FROM dead_letter WHERE id = ?")
			.param(id)
			.query((rs, row) -> rs.getString("payload"))
			.optional();
	}

	// Operator decisions: only an OPEN letter moves, so two operators cannot both win

	/**
	 * Asks for the letter's item to go through the next sync again.
	 * @return whether the letter was OPEN and is now REPLAYING
	 */
	public boolean markReplaying(UUID id) {
		return moveOpen(id, DeadLetterStatus.REPLAYING);
	}

	/**
	 * Gives up on the letter's item.
	 * @return whether the letter was OPEN and is now DISCARDED
	 */
	public boolean discard(UUID id) {
		return moveOpen(id, DeadLetterStatus.DISCARDED);
	}

	private boolean moveOpen(UUID id, DeadLetterStatus status) {
		return this.jdbc.sql("UPDATE dead_letter SET status = ? WHERE id = ? AND status = 'OPEN'")
			.params(status.name(), id)
			.update() > 0;
	}

	// Replays, from the sync

	public List<StoredDeadLetter> findReplaying(UUID integrationId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM dead_letter WHERE integration_id = ? AND status = 'REPLAYING' "
					+ "ORDER BY first_failed_at, id")
			.param(integrationId)
			.query(DeadLetterRepository::storedDeadLetter)
			.list();
	}

	/**
	 * Settles the replays of an integration that did not fail again (a failure would have
	 * parked them OPEN): a resource applied from staging, or an event whose outbox rows
	 * are gone, is RESOLVED. Must run before the staging rows are cleared. A letter with
	 * nothing left to replay (its calendar or event no longer exists) is OPEN again.
	 * Letters whose item was not reached (a sync already past detection when the replay
	 * was asked for) stay REPLAYING for the next sync.
	 * @return the number of letters resolved
	 */
	public int settleReplays(UUID integrationId) {
		int fetched = this.jdbc
			.sql("UPDATE dead_letter SET status = 'RESOLVED' WHERE integration_id = ? "
					+ "AND status = 'REPLAYING' AND href IS NOT NULL AND EXISTS (SELECT 1 FROM sync_staging s WHERE "
					+ "s.calendar_id = dead_letter.calendar_id AND s.href = dead_letter.href AND s.state = 'APPLIED')")
			.param(integrationId)
			.update();
		int reconciled = this.jdbc.sql("UPDATE dead_letter SET status = 'RESOLVED' WHERE integration_id = ? "
				+ "AND status = 'REPLAYING' AND href IS NULL AND EXISTS (SELECT 1 FROM wedding_event e JOIN "
				+ "integration i ON i.tenant_id = e.tenant_id WHERE i.id = dead_letter.integration_id "
				+ "AND e.uid = dead_letter.uid AND NOT EXISTS (SELECT 1 FROM sync_outbox o WHERE o.event_id = e.id))")
			.param(integrationId)
			.update();
		this.jdbc
			.sql("UPDATE dead_letter SET status = 'OPEN' WHERE integration_id = ? AND status = 'REPLAYING' "
					+ "AND ((href IS NOT NULL AND calendar_id IS NULL) OR (href IS NULL AND NOT EXISTS (SELECT 1 FROM "
					+ "wedding_event e JOIN integration i ON i.tenant_id = e.tenant_id WHERE i.id = "
					+ "dead_letter.integration_id AND e.uid = dead_letter.uid)))")
			.param(integrationId)
			.update();
		return fetched + reconciled;
	}

	private static String truncate(String message) {
		return (message != null && message.length() > MAX_MESSAGE) ? message.substring(0, MAX_MESSAGE) : message;
	}

	private static StoredDeadLetter storedDeadLetter(ResultSet rs, int row) throws SQLException {
		return new StoredDeadLetter(uuid(rs, "id"), uuid(rs, "integration_id"), uuid(rs, "calendar_id"),
				rs.getString("href"), rs.getString("uid"), rs.getString("step"), rs.getString("error_class"),
				rs.getString("error_message"), rs.getInt("attempts"), DeadLetterStatus.valueOf(rs.getString("status")),
				instant(rs, "first_failed_at"), instant(rs, "last_failed_at"));
	}

}
