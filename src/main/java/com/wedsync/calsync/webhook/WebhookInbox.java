package com.wedsync.calsync.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.wedsync.calsync.persistence.SqlValues.timestamp;
import static com.wedsync.calsync.persistence.SqlValues.uuid;

/**
 * The {@code webhook_inbox} table: every accepted notice, stored before it is answered,
 * until a sync that covers it was requested.
 */
@Repository
class WebhookInbox {

	private final JdbcClient jdbc;

	WebhookInbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a notice unless the subscription already delivered one with its id.
	 * @return whether it was new
	 */
	boolean store(WebhookSubscription subscription, InboundDelivery delivery, UUID calendarId, String payload,
			Instant receivedAt) {
		// ON CONFLICT DO NOTHING: the upsert PostgreSQL and H2 (PostgreSQL mode) share; a
		// redelivery racing the first one finds its row and stores nothing.
		return this.jdbc
			.sql("INSERT INTO webhook_inbox (subscription_id, delivery_id, integration_id, calendar_id, change_type, "
					+ "payload, received_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
			.params(subscription.id(), delivery.deliveryId(), subscription.integrationId(), calendarId,
					delivery.changeType(), payload, timestamp(receivedAt))
			.update() == 1;
	}

	/** Integrations with notices that still wait for a sync. */
	List<UUID> integrationsWaiting() {
		return this.jdbc.sql("SELECT DISTINCT integration_id FROM webhook_inbox WHERE processed_at IS NULL")
			.query((rs, row) -> uuid(rs, "integration_id"))
			.list();
	}

	/** The notices of one integration that wait for a sync. */
	List<Waiting> waiting(UUID integrationId) {
		return this.jdbc
			.sql("SELECT subscription_id, delivery_id, calendar_id FROM webhook_inbox "
					+ "WHERE integration_id = ? AND processed_at IS NULL ORDER BY received_at")
			.param(integrationId)
			.query((rs, row) -> new Waiting(uuid(rs, "subscription_id"), rs.getString("delivery_id"),
					uuid(rs, "calendar_id")))
			.list();
	}

	/**
	 * Notes that a sync was requested for the notices ({@code syncId} null: none needed).
	 */
	void markProcessed(List<Waiting> notices, UUID syncId) {
		Instant now = Instant.now();
		for (Waiting notice : notices) {
			this.jdbc
				.sql("UPDATE webhook_inbox SET processed_at = ?, sync_run_id = ? "
						+ "WHERE subscription_id = ? AND delivery_id = ? AND processed_at IS NULL")
				.params(timestamp(now), syncId, notice.subscriptionId(), notice.deliveryId())
				.update();
		}
	}

	/** A stored notice waiting for a sync. */
	record Waiting(UUID subscriptionId, String deliveryId, UUID calendarId) {
	}

}
