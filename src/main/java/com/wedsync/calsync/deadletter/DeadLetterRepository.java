package com.wedsync.calsync.deadletter;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.wedsync.calsync.persistence.SqlValues.timestamp;

/** The {@code dead_letter} table: items parked with the reason, so the rest syncs on. */
@Repository
public class DeadLetterRepository {

	private static final int MAX_MESSAGE = 4000;

	private final JdbcClient jdbc;

	DeadLetterRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Parks an item. An item already open (same integration, href and UID) counts another
	 * attempt instead of a second row.
	 */
	public void park(DeadLetter letter) {
		Instant now = Instant.now();
		String message = truncate(letter.errorMessage());
		int updated = this.jdbc
			.sql("UPDATE dead_letter SET attempts = attempts + 1, last_failed_at = ?, payload = ?, error_class = ?, "
					+ "error_message = ? WHERE integration_id = ? AND status = 'OPEN' "
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
		}
	}

	public int countOpen(UUID integrationId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM dead_letter WHERE integration_id = ? AND status = 'OPEN'")
			.param(integrationId)
			.query(Integer.class)
			.single();
	}

	private static String truncate(String message) {
		return (message != null && message.length() > MAX_MESSAGE) ? message.substring(0, MAX_MESSAGE) : message;
	}

}
