package com.wedsync.calsync.wedding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.wedsync.calsync.persistence.SqlValues.instant;
import static com.wedsync.calsync.persistence.SqlValues.timestamp;
import static com.wedsync.calsync.persistence.SqlValues.uuid;

/** The {@code wedding} table. */
@Repository
public class WeddingRepository {

	private final JdbcClient jdbc;

	WeddingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Wedding create(String tenantId, String title, LocalDate weddingDate, String timeZone) {
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		this.jdbc
			.sql("INSERT INTO wedding (id, tenant_id, title, wedding_date, time_zone, created_at, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(id, tenantId, title, weddingDate, timeZone, timestamp(now), timestamp(now))
			.update();
		return find(id).orElseThrow();
	}

	public Optional<Wedding> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM wedding WHERE id = ?")
			.param(id)
			.query(WeddingRepository::wedding)
			.optional();
	}

	private static Wedding wedding(ResultSet rs, int row) throws SQLException {
		return new Wedding(uuid(rs, "id"), rs.getString("tenant_id"), rs.getString("title"),
				rs.getObject("wedding_date", LocalDate.class), rs.getString("time_zone"), instant(rs, "created_at"),
				instant(rs, "updated_at"));
	}

}
