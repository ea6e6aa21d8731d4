package com.wedsync.calsync.webhook;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.wedsync.calsync.integration.credentials.SealedCredential;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.wedsync.calsync.persistence.SqlValues.instant;
import static com.wedsync.calsync.persistence.SqlValues.timestamp;
import static com.wedsync.calsync.persistence.SqlValues.uuid;

/** The {@code webhook_endpoint} table. */
@Repository
class WebhookEndpointRepository {

	private final JdbcClient jdbc;

	WebhookEndpointRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, String tenantId, URI url, Set<String> eventTypes, SealedCredential secret) {
		this.jdbc
			.sql("INSERT INTO webhook_endpoint (id, tenant_id, url, event_types, secret_key_id, secret_ciphertext, "
					+ "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(id, tenantId, url.toString(), eventTypes.isEmpty() ? null : String.join(",", eventTypes),
					secret.keyId(), secret.ciphertext(), timestamp(Instant.now()))
			.update();
	}

	Optional<WebhookEndpoint> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM webhook_endpoint WHERE id = ?")
			.param(id)
			.query(WebhookEndpointRepository::endpoint)
			.optional();
	}

	/**
	 * @param tenantId one tenant's, or every one's when {@code null}
	 */
	List<WebhookEndpoint> findAll(String tenantId) {
		return this.jdbc
			.sql("SELECT * FROM webhook_endpoint WHERE (CAST(:tenant AS VARCHAR(100)) IS NULL OR tenant_id = :tenant) "
					+ "ORDER BY created_at, id")
			.param("tenant", tenantId)
			.query(WebhookEndpointRepository::endpoint)
			.list();
	}

	boolean delete(UUID id) {
		return this.jdbc.sql("DELETE FROM webhook_endpoint WHERE id = ?").param(id).update() > 0;
	}

	private static WebhookEndpoint endpoint(ResultSet rs, int row) throws SQLException {
		String types = rs.getString("event_types");
		Set<String> eventTypes = (types == null) ? Set.of() : new LinkedHashSet<>(Arrays.asList(types.split(",")));
		return new WebhookEndpoint(uuid(rs, "id"), rs.getString("tenant_id"), URI.create(rs.getString("url")),
				eventTypes, new SealedCredential(rs.getString("secret_key_id"), rs.getString("secret_ciphertext")),
				instant(rs, "created_at"));
	}

}
