package com.wedsync.calsync.sync.conflict;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.wedsync.calsync.persistence.SqlValues.instant;
import static com.wedsync.calsync.persistence.SqlValues.timestamp;
import static com.wedsync.calsync.persistence.SqlValues.uuid;

/** The {@code sync_conflict} table: every decision that discarded a value. */
@Repository
public class ConflictRepository {

	private static final int MAX_VALUE = 4000;

	private final JdbcClient jdbc;

	ConflictRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the new conflict's id
	 */
	public UUID record(UUID integrationId, UUID eventId, UUID calendarId, String field, String rule, String keptValue,
			String discardedValue) {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("INSERT INTO sync_conflict (id, integration_id, event_id, calendar_id, field, rule, kept_value, "
					+ "discarded_value, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, integrationId, eventId, calendarId, (field != null) ? field : "EVENT", rule, cut(keptValue),
					cut(discardedValue), timestamp(Instant.now()))
			.update();
		return id;
	}

	/**
	 * The newest conflicts, optionally of one integration and of one tenant's
	 * integrations ({@code null}s match everything).
	 */
	public List<RecordedConflict> find(UUID integrationId, String tenantId, int limit) {
		return this.jdbc.sql(
				"SELECT * FROM sync_conflict WHERE (CAST(:integration AS UUID) IS NULL OR integration_id = :integration) "
						+ "AND (CAST(:tenant AS VARCHAR(100)) IS NULL OR integration_id IN "
						+ "(SELECT id FROM integration WHERE tenant_id = :tenant)) "
						+ "ORDER BY created_at DESC, id LIMIT :limit")
			.param("integration", integrationId)
			.param("tenant", tenantId)
			.param("limit", limit)
			.query(ConflictRepository::conflict)
			.list();
	}

	private static String cut(String value) {
		return (value != null && value.length() > MAX_VALUE) ? value.substring(0, MAX_VALUE) : value;
	}

	private static RecordedConflict conflict(ResultSet rs, int row) throws SQLException {
		String field = rs.getString("field");
		return new RecordedConflict(uuid(rs, "id"), uuid(rs, "integration_id"), uuid(rs, "event_id"),
				uuid(rs, "calendar_id"), "EVENT".equals(field) ? null : field, rs.getString("rule"),
				rs.getString("kept_value"), rs.getString("discarded_value"), instant(rs, "created_at"));
	}

}
