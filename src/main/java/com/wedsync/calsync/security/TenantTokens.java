package com.wedsync.calsync.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.wedsync.calsync.persistence.SqlValues.instant;
import static com.wedsync.calsync.persistence.SqlValues.timestamp;
import static com.wedsync.calsync.persistence.SqlValues.uuid;

/**
 * Tenant bearer tokens: 256 random bits, kept only as a SHA-256 hash. A plain hash is
 * enough (no slow password hash) because the token is random, not chosen by a person.
 */
@Repository
public class TenantTokens {

	private static final String PREFIX = "cst_";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	TenantTokens(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Issues a token for the tenant; the returned secret is never stored or shown again.
	 */
	public IssuedToken issue(String tenantId, String name) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		this.jdbc.sql("INSERT INTO tenant_token (id, tenant_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(id, tenantId, name, hash(secret), timestamp(now))
			.update();
		return new IssuedToken(new TenantToken(id, tenantId, name, now, null), secret);
	}

	/** The tenant a presented token belongs to, if it is known and not revoked. */
	public Optional<String> tenantOf(String secret) {
		return live(secret).map(LiveToken::tenantId);
	}

	/** The presented token, if it is known and not revoked. */
	public Optional<LiveToken> live(String secret) {
		if (secret == null || !secret.startsWith(PREFIX)) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT id, tenant_id FROM tenant_token WHERE token_hash = ? AND revoked_at IS NULL")
			.param(hash(secret))
			.query((rs, row) -> new LiveToken(uuid(rs, "id"), rs.getString("tenant_id")))
			.optional();
	}

	/** Whether the token with this id is still live (not revoked, not deleted). */
	public boolean isLive(UUID id) {
		return this.jdbc.sql("SELECT count(*) FROM tenant_token WHERE id = ? AND revoked_at IS NULL")
			.param(id)
			.query(Integer.class)
			.single() > 0;
	}

	public List<TenantToken> list(String tenantId) {
		return this.jdbc
			.sql("SELECT id, tenant_id, name, created_at, revoked_at FROM tenant_token WHERE tenant_id = ? "
					+ "ORDER BY created_at")
			.param(tenantId)
			.query(TenantTokens::token)
			.list();
	}

	/**
	 * Revokes a token of the tenant; false when there is no such live token. Announces
	 * {@link TokenRevoked} once the revocation is committed, so what the token opened
	 * beyond single requests (live status sessions) is closed too.
	 */
	public boolean revoke(String tenantId, UUID id) {
		boolean revoked = this.jdbc
			.sql("UPDATE tenant_token SET revoked_at = ? WHERE id = ? AND tenant_id = ? AND revoked_at IS NULL")
			.params(timestamp(Instant.now()), id, tenantId)
			.update() == 1;
		if (revoked) {
			this.events.publishEvent(new TokenRevoked(id, tenantId));
		}
		return revoked;
	}

	static String hash(String secret) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JRE", ex);
		}
	}

	private static TenantToken token(ResultSet rs, int row) throws SQLException {
		return new TenantToken(uuid(rs, "id"), rs.getString("tenant_id"), rs.getString("name"),
				instant(rs, "created_at"), instant(rs, "revoked_at"));
	}

	/** A token as listed: everything but the secret. */
	public record TenantToken(UUID id, String tenantId, String name, Instant createdAt, Instant revokedAt) {
	}

	/** A presented token that is known and not revoked. */
	public record LiveToken(UUID id, String tenantId) {
	}

	/** A token was revoked (committed). */
	public record TokenRevoked(UUID id, String tenantId) {
	}

	/** A newly issued token with its secret, shown once. */
	public record IssuedToken(TenantToken token, String secret) {
	}

}
