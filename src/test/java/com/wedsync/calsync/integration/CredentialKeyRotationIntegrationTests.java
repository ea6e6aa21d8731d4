package com.wedsync.calsync.integration;

import java.net.URI;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.integration.credentials.CredentialCipher;
import com.wedsync.calsync.integration.credentials.CredentialKeyring;
import com.wedsync.calsync.integration.credentials.SealedCredential;
import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key rotation: credentials sealed with a retired key keep opening, and the rotation
 * endpoint re-seals them under the current key without losing or revealing a password.
 */
@ApplicationTest
class CredentialKeyRotationIntegrationTests {

	// the retired key of application-test.yml
	private static final String OLD_KEY = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IntegrationRepository integrations;

	CalSyncApi admin;

	@BeforeEach
	void setUp() {
		this.admin = new CalSyncApi(this.port);
	}

	@Test
	void shouldResealEveryCredentialOfARetiredKeyUnderTheCurrentKey() {
		UUID first = sealedWithOldKey("first-app-password");
		UUID second = sealedWithOldKey("second-app-password");
		UUID current = this.integrations
			.create("t", Provider.CALDAV, URI.create("https://dav.example.com/"), "c", "current-app-password", 300)
			.id();
		// the retired key still opens what it sealed, before any rotation
		assertThat(this.integrations.credentials(first).password()).isEqualTo("first-app-password");

		JsonNode result = this.admin.post("/api/admin/credential-key-rotation", Map.of()).expect(200).body();

		assertThat(result.get("currentKeyId").asString()).isEqualTo("test-key");
		assertThat(result.get("resealed").asInt()).isEqualTo(2);
		assertThat(result.get("unreadable").size()).isZero();
		assertThat(keyIds()).containsOnly("test-key");
		assertThat(this.integrations.credentials(first).password()).isEqualTo("first-app-password");
		assertThat(this.integrations.credentials(second).password()).isEqualTo("second-app-password");
		assertThat(this.integrations.credentials(current).password()).isEqualTo("current-app-password");
		assertThat(result.toString()).doesNotContain("app-password").doesNotContain(OLD_KEY);
		// again: nothing left to do
		assertThat(this.admin.post("/api/admin/credential-key-rotation", Map.of())
			.expect(200)
			.body()
			.get("resealed")
			.asInt()).isZero();
	}

	@Test
	void shouldReportCredentialsOfAnUnconfiguredKeyWithoutTouchingThem() {
		UUID lost = sealedWithOldKey("lost-app-password");
		this.jdbc.update("UPDATE integration SET credential_key_id = 'forgotten-key' WHERE id = ?", lost);

		JsonNode result = this.admin.post("/api/admin/credential-key-rotation", Map.of()).expect(200).body();

		assertThat(result.get("resealed").asInt()).isZero();
		assertThat(result.get("unreadable").get(0).asString()).isEqualTo(lost.toString());
		assertThat(keyIds()).containsOnly("forgotten-key");
	}

	@Test
	void shouldRefuseTheRotationToATenant() {
		this.admin.withToken(this.admin.issueTenantToken("acme"))
			.post("/api/admin/credential-key-rotation", Map.of())
			.expect(403);
	}

	private UUID sealedWithOldKey(String password) {
		UUID id = this.integrations
			.create("t", Provider.CALDAV, URI.create("https://dav.example.com/"), "u-" + password, "placeholder", 300)
			.id();
		CredentialCipher old = new CredentialCipher(new CredentialKeyring("old-key",
				Map.of("old-key", new SecretKeySpec(Base64.getDecoder().decode(OLD_KEY), "AES"))));
		SealedCredential sealed = old.seal(password, id.toString());
		this.jdbc.update("UPDATE integration SET credential_key_id = ?, credential_ciphertext = ? WHERE id = ?",
				sealed.keyId(), sealed.ciphertext(), id);
		return id;
	}

	private java.util.List<String> keyIds() {
		return this.jdbc.queryForList("SELECT DISTINCT credential_key_id FROM integration", String.class);
	}

}
