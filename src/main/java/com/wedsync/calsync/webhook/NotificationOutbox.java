package com.wedsync.calsync.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.wedsync.calsync.persistence.SqlValues.instant;
import static com.wedsync.calsync.persistence.SqlValues.timestamp;
import static com.wedsync.calsync.persistence.SqlValues.uuid;

/**
 * The {@code webhook_outbox} table (one row per notification per endpoint) and its
 * delivery log ({@code webhook_delivery_attempt}).
 */
@Repository
class NotificationOutbox {

	private static final int MAX_ERROR = 1000;

	private final JdbcClient jdbc;

	NotificationOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Where a notification stands. */
	enum DeliveryStatus {

		PENDING, DELIVERED, DEAD

	}

	/** Adds a notification, in the caller's transaction (the change it reports). */
	void enqueue(UUID id, WebhookEndpoint endpoint, NotificationType type, String resourceKey, String payload) {
		Instant now = Instant.now();
		this.jdbc
			.sql("INSERT INTO webhook_outbox (id, endpoint_id, tenant_id, event_type, resource_key, payload, status, "
					+ "attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")
			.params(id, endpoint.id(), endpoint.tenantId(), type.wireName(), resourceKey, payload, timestamp(now),
					timestamp(now))
			.update();
	}

	/**
	 * Reserves up to {@code limit} due notifications for this node for {@code lease}: a
	 * notification is due when its time came and no earlier notification of the same
	 * resource to the same endpoint is still pending, so each resource's notifications
	 * arrive in order. Rows another node is claiming are skipped, not waited for.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	List<Claimed> claim(int limit, Duration lease) {
		Instant now = Instant.now();
		List<Claimed> due = this.jdbc
			.sql("SELECT o.id, o.endpoint_id, o.event_type, o.payload, o.attempts FROM webhook_outbox o "
					+ "WHERE o.status = 'PENDING' AND o.next_attempt_at <= ? AND NOT EXISTS (SELECT 1 FROM "
					+ "webhook_outbox e WHERE e.endpoint_id = o.endpoint_id AND e.resource_key = o.resource_key "
					+ "AND e.status = 'PENDING' AND e.seq < o.seq) ORDER BY o.seq LIMIT ? FOR UPDATE SKIP LOCKED")
			.params(timestamp(now), limit)
			.query((rs, row) -> new Claimed(uuid(rs, "id"), uuid(rs, "endpoint_id"), rs.getString("event_type"),
					rs.getString("payload"), rs.getInt("attempts")))
			.list();
		for (Claimed claimed : due) {
			this.jdbc.sql("UPDATE webhook_outbox SET next_attempt_at = ? WHERE id = ?")
				.params(timestamp(now.plus(lease)), claimed.id())
				.update();
		}
		return due;
	}

	/** A reserved notification and how many attempts it already had. */
	record Claimed(UUID id, UUID endpointId, String eventType, String payload, int attempts) {
	}

	void recordAttempt(UUID id, int attempt, Integer statusCode, String error, long durationMillis) {
		this.jdbc
			.sql("INSERT INTO webhook_delivery_attempt (id, outbox_id, attempt, status_code, error, duration_ms, "
					+ "attempted_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), id, attempt, statusCode, cut(error), durationMillis, timestamp(Instant.now()))
			.update();
	}

	void markDelivered(UUID id, int attempts) {
		this.jdbc
			.sql("UPDATE webhook_outbox SET status = 'DELIVERED', attempts = ?, delivered_at = ?, last_error = NULL "
					+ "WHERE id = ?")
			.params(attempts, timestamp(Instant.now()), id)
			.update();
	}

	void retryAt(UUID id, int attempts, Instant next, String error) {
		this.jdbc.sql("UPDATE webhook_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
			.params(attempts, timestamp(next), cut(error), id)
			.update();
	}

	void markDead(UUID id, int attempts, String error) {
		this.jdbc.sql("UPDATE webhook_outbox SET status = 'DEAD', attempts = ?, last_error = ? WHERE id = ?")
			.params(attempts, cut(error), id)
			.update();
	}

	/** Notifications neither delivered nor dead-lettered, every endpoint. */
	long countPending() {
		return this.jdbc.sql("SELECT COUNT(*) FROM webhook_outbox WHERE status = 'PENDING'").query(Long.class).single();
	}

	/** An endpoint's notifications, newest first, with their attempts. */
	List<Delivery> deliveries(UUID endpointId, DeliveryStatus status, int limit) {
		return this.jdbc
			.sql("SELECT * FROM webhook_outbox WHERE endpoint_id = :endpoint "
					+ "AND (CAST(:status AS VARCHAR(16)) IS NULL OR status = :status) ORDER BY seq DESC LIMIT :limit")
			.param("endpoint", endpointId)
			.param("status", (status != null) ? status.name() : null)
			.param("limit", limit)
			.query((rs, row) -> delivery(rs))
			.list();
	}

	private Delivery delivery(ResultSet rs) throws SQLException {
		UUID id = uuid(rs, "id");
		List<Attempt> attempts = this.jdbc
			.sql("SELECT * FROM webhook_delivery_attempt WHERE outbox_id = ? ORDER BY attempt, attempted_at")
			.param(id)
			.query((a, row) -> new Attempt(a.getInt("attempt"), (Integer) a.getObject("status_code"),
					a.getString("error"), a.getLong("duration_ms"), instant(a, "attempted_at")))
			.list();
		return new Delivery(id, rs.getString("event_type"), rs.getString("resource_key"),
				DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
				rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "delivered_at"), attempts);
	}

	private static String cut(String value) {
		return (value != null && value.length() > MAX_ERROR) ? value.substring(0, MAX_ERROR) : value;
	}

	/** One notification to one endpoint, as the delivery log shows it. */
	record Delivery(UUID id, String eventType, String resourceKey, DeliveryStatus status, int attempts,
			Instant nextAttemptAt, String lastError, Instant createdAt, Instant deliveredAt, List<Attempt> log) {
	}

	/** One attempt: the HTTP status, or the error when there was no answer. */
	record Attempt(int attempt, Integer statusCode, String error, long durationMillis, Instant at) {
	}

}
