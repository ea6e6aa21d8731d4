package com.wedsync.calsync.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.wedsync.calsync.integration.credentials.SealedCredential;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.wedsync.calsync.persistence.SqlValues.instant;
import static com.wedsync.calsync.persistence.SqlValues.timestamp;
import static com.wedsync.calsync.persistence.SqlValues.uuid;

/** The {@code webhook_subscription} table. */
@Repository
class WebhookSubscriptionRepository {

	private final JdbcClient jdbc;

	WebhookSubscriptionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID integrationId, String description, SealedCredential secret) {
		this.jdbc
			.sql("INSERT INTO webhook_subscription (id, integration_id, description, secret_key_id, "
					+ "secret_ciphertext, created_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, integrationId, description, secret.keyId(), secret.ciphertext(), timestamp(Instant.now()))
			.update();
	}

	Optional<WebhookSubscription> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM webhook_subscription WHERE id = ?")
			.param(id)
			.query(WebhookSubscriptionRepository::subscription)
			.optional();
	}

	List<WebhookSubscription> findByIntegration(UUID integrationId) {
		return this.jdbc.sql("SELECT * FROM webhook_subscription WHERE integration_id = ? ORDER BY created_at, id")
			.param(integrationId)
			.query(WebhookSubscriptionRepository::subscription)
			.list();
	}

	boolean exists(UUID integrationId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM webhook_subscription WHERE integration_id = ?")
			.param(integrationId)
			.query(Long.class)
			.single() > 0;
	}

	boolean delete(UUID id) {
		return this.jdbc.sql("DELETE FROM webhook_subscription WHERE id = ?").param(id).update() > 0;
	}

	private static WebhookSubscription subscription(ResultSet rs, int row) throws SQLException {
		return new WebhookSubscription(uuid(rs, "id"), uuid(rs, "integration_id"), rs.getString("description"),
				new SealedCredential(rs.getString("secret_key_id"), rs.getString("secret_ciphertext")),
				instant(rs, "created_at"));
	}

}
