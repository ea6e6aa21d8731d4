package com.wedsync.calsync.integration;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.wedsync.calsync.caldav.DavCredentials;
import com.wedsync.calsync.integration.credentials.CredentialCipher;
import com.wedsync.calsync.integration.credentials.SealedCredential;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.wedsync.calsync.persistence.SqlValues.instant;
import static com.wedsync.calsync.persistence.SqlValues.text;
import static com.wedsync.calsync.persistence.SqlValues.timestamp;
import static com.wedsync.calsync.persistence.SqlValues.uri;
import static com.wedsync.calsync.persistence.SqlValues.uuid;

/** Integrations and their sealed credentials. */
@Repository
public class IntegrationRepository {

	private static final String COLUMNS = "id, tenant_id, provider, server_url, username, principal_url, "
			+ "calendar_home_url, status, status_detail, poll_interval_s, created_at, updated_at, last_synced_at";

	private final JdbcClient jdbc;

	private final CredentialCipher cipher;

	private final ApplicationEventPublisher events;

	IntegrationRepository(JdbcClient jdbc, CredentialCipher cipher, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.events = events;
	}

	public Integration create(String tenantId, Provider provider, URI serverUrl, String username, String password,
			int pollIntervalSeconds) {
		UUID id = UUID.randomUUID();
		SealedCredential sealed = this.cipher.seal(password, id.toString());
		Instant now = Instant.now();
		this.jdbc
			.sql("INSERT INTO integration (id, tenant_id, provider, server_url, username, credential_key_id, "
					+ "credential_ciphertext, status, poll_interval_s, created_at, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, tenantId, provider.name(), serverUrl.toString(), username, sealed.keyId(), sealed.ciphertext(),
					IntegrationStatus.ACTIVE.name(), pollIntervalSeconds, timestamp(now), timestamp(now))
			.update();
		return find(id).orElseThrow();
	}

	public Optional<Integration> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM integration WHERE id = ?")
			.param(id)
			.query(IntegrationRepository::integration)
			.optional();
	}

	public List<Integration> findAll(String tenantId) {
		String where = (tenantId != null) ? " WHERE tenant_id = :tenant" : "";
		JdbcClient.StatementSpec query = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM integration" + where + " ORDER BY created_at, id");
		if (tenantId != null) {
			query = query.param("tenant", tenantId);
		}
		return query.query(IntegrationRepository::integration).list();
	}

	/** Opens the stored credential; call only where a connection is made. */
	public DavCredentials credentials(UUID id) {
		return this.jdbc.sql("SELECT username, credential_key_id, credential_ciphertext FROM integration WHERE id = ?")
			.param(id)
			.query((rs, row) -> new DavCredentials(rs.getString("username"),
					this.cipher.open(new SealedCredential(rs.getString("credential_key_id"),
							rs.getString("credential_ciphertext")), id.toString())))
			.single();
	}

	public void replacePassword(UUID id, String password) {
		SealedCredential sealed = this.cipher.seal(password, id.toString());
		this.jdbc
			.sql("UPDATE integration SET credential_key_id = ?, credential_ciphertext = ?, updated_at = ? "
					+ "WHERE id = ?")
			.params(sealed.keyId(), sealed.ciphertext(), timestamp(Instant.now()), id)
			.update();
	}

	/**
	 * Up to {@code limit} integrations whose credential another key than the given
	 * sealed.
	 */
	public List<UUID> sealedWithOtherKeyThan(String keyId, int limit) {
		return this.jdbc.sql("SELECT id FROM integration WHERE credential_key_id <> ? ORDER BY id LIMIT ?")
			.params(keyId, limit)
			.query((rs, row) -> uuid(rs, "id"))
			.list();
	}

	/**
	 * Seals the stored credential again under the current key, in its own short
	 * transaction. The update only lands on the ciphertext that was read, so a password
	 * changed meanwhile is never overwritten with the old one.
	 * @return whether the row was re-sealed (false when it changed or vanished meanwhile)
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean reseal(UUID id) {
		Optional<SealedCredential> stored = this.jdbc
			.sql("SELECT credential_key_id, credential_ciphertext FROM integration WHERE id = ? FOR UPDATE")
			.param(id)
			.query((rs, row) -> new SealedCredential(rs.getString("credential_key_id"),
					rs.getString("credential_ciphertext")))
			.optional();
		if (stored.isEmpty()) {
			return false;
		}
		SealedCredential sealed = this.cipher.seal(this.cipher.open(stored.get(), id.toString()), id.toString());
		return this.jdbc
			.sql("UPDATE integration SET credential_key_id = ?, credential_ciphertext = ? "
					+ "WHERE id = ? AND credential_ciphertext = ?")
			.params(sealed.keyId(), sealed.ciphertext(), id, stored.get().ciphertext())
			.update() > 0;
	}

	public void updateDiscovery(UUID id, URI principal, URI calendarHome) {
		this.jdbc.sql("UPDATE integration SET principal_url = ?, calendar_home_url = ?, updated_at = ? WHERE id = ?")
			.params(text(principal), text(calendarHome), timestamp(Instant.now()), id)
			.update();
	}

	public void updateStatus(UUID id, IntegrationStatus status, String detail) {
		this.jdbc.sql("UPDATE integration SET status = ?, status_detail = ?, updated_at = ? WHERE id = ?")
			.params(status.name(), detail, timestamp(Instant.now()), id)
			.update();
	}

	/**
	 * Records that the server refused the credentials. Committed on its own, because the
	 * sync that found out fails and rolls back its own transaction. The change is
	 * announced, so the scheduler drops the integration's poll trigger once it commits: a
	 * refused password is not tried again until someone replaces it. The first time
	 * (status not yet AUTH_FAILED) {@link IntegrationAuthFailed} is published inside this
	 * transaction too.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void markAuthFailed(UUID id, String detail) {
		boolean changed = this.jdbc
			.sql("UPDATE integration SET status = ?, status_detail = ?, updated_at = ? WHERE id = ? AND status <> ?")
			.params(IntegrationStatus.AUTH_FAILED.name(), detail, timestamp(Instant.now()), id,
					IntegrationStatus.AUTH_FAILED.name())
			.update() > 0;
		if (!changed) {
			updateStatus(id, IntegrationStatus.AUTH_FAILED, detail);
			return;
		}
		this.events.publishEvent(new IntegrationChanged(id));
		find(id).ifPresent((integration) -> this.events
			.publishEvent(new IntegrationAuthFailed(id, integration.tenantId(), detail)));
	}

	public void updatePollInterval(UUID id, int pollIntervalSeconds) {
		this.jdbc.sql("UPDATE integration SET poll_interval_s = ?, updated_at = ? WHERE id = ?")
			.params(pollIntervalSeconds, timestamp(Instant.now()), id)
			.update();
	}

	public void markSynced(UUID id, Instant at) {
		this.jdbc.sql("UPDATE integration SET last_synced_at = ? WHERE id = ?").params(timestamp(at), id).update();
	}

	public boolean delete(UUID id) {
		return this.jdbc.sql("DELETE FROM integration WHERE id = ?").param(id).update() > 0;
	}

	private static Integration integration(ResultSet rs, int row) throws SQLException {
		return new Integration(uuid(rs, "id"), rs.getString("tenant_id"), Provider.valueOf(rs.getString("provider")),
				uri(rs, "server_url"), rs.getString("username"), uri(rs, "principal_url"), uri(rs, "calendar_home_url"),
				IntegrationStatus.valueOf(rs.getString("status")), rs.getString("status_detail"),
				rs.getInt("poll_interval_s"), instant(rs, "created_at"), instant(rs, "updated_at"),
				instant(rs, "last_synced_at"));
	}

}
