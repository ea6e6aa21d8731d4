package com.wedsync.calsync.security;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.support.CalSyncApi.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant tokens: issued by the admin, hashed at rest, scoped to their tenant, revocable.
 */
@ApplicationTest
class TenantTokenApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	CalSyncApi admin;

	@BeforeEach
	void setUp() {
		this.admin = new CalSyncApi(this.port);
	}

	@Test
	void shouldKeepOnlyAHashOfTheIssuedToken() {
		String token = this.admin.issueTenantToken("acme");

		assertThat(token).startsWith("cst_").hasSizeGreaterThan(40);
		assertThat(this.jdbc.queryForList("SELECT token_hash FROM tenant_token", String.class))
			.containsExactly(TenantTokens.hash(token))
			.doesNotContain(token);
		assertThat(this.admin.get("/api/tenants/acme/tokens").expect(200).text()).doesNotContain(token);
	}

	@Test
	void shouldShowATenantOnlyItsOwnIntegrations() {
		String acmeId = createIntegration("acme");
		String otherId = createIntegration("other");
		CalSyncApi acme = this.admin.withToken(this.admin.issueTenantToken("acme"));

		Response list = acme.get("/api/integrations").expect(200);
		assertThat(list.body().findValuesAsString("id")).containsExactly(acmeId);
		acme.get("/api/integrations/" + acmeId).expect(200);
		assertThat(acme.get("/api/integrations/" + otherId).expect(404).contentType())
			.startsWith("application/problem+json");
		acme.patch("/api/integrations/" + otherId, Map.of("status", "PAUSED")).expect(404);
		acme.delete("/api/integrations/" + otherId).expect(404);
		acme.post("/api/integrations/" + otherId + "/syncs", Map.of()).expect(404);
		acme.get("/api/integrations?tenantId=other").expect(404);
		assertThat(this.admin.get("/api/integrations/" + otherId).expect(200).body().get("status").asString())
			.isEqualTo("ACTIVE");
	}

	@Test
	void shouldCreateIntegrationsInTheTokensOwnTenantOnly() {
		CalSyncApi acme = this.admin.withToken(this.admin.issueTenantToken("acme"));

		Response created = acme
			.post("/api/integrations",
					Map.of("provider", "ICLOUD", "username", "planner@icloud.com", "password", "abcd-efgh-ijkl-mnop"))
			.expect(201);
		assertThat(created.body().get("tenantId").asString()).isEqualTo("acme");
		acme.post("/api/integrations", Map.of("tenantId", "other", "provider", "ICLOUD", "username", "x@icloud.com",
				"password", "abcd-efgh-ijkl-mnop"))
			.expect(404);
		assertThat(
				this.jdbc.queryForObject("SELECT count(*) FROM integration WHERE tenant_id = 'other'", Integer.class))
			.isZero();
	}

	@Test
	void shouldRefuseOperatorEndpointsToATenant() {
		CalSyncApi acme = this.admin.withToken(this.admin.issueTenantToken("acme"));

		assertThat(acme.get("/api/tenants/acme/tokens").expect(403).contentType())
			.startsWith("application/problem+json");
		acme.get("/api/dead-letters").expect(403);
		acme.post("/api/tenants/acme/tokens", Map.of("name", "more")).expect(403);
	}

	@Test
	void shouldRefuseUnknownAndRevokedTokens() {
		String token = this.admin.issueTenantToken("acme");
		this.admin.withToken(token).get("/api/integrations").expect(200);
		String id = this.admin.get("/api/tenants/acme/tokens").expect(200).body().get(0).get("id").asString();

		this.admin.delete("/api/tenants/acme/tokens/" + id).expect(204);

		Response refused = this.admin.withToken(token).get("/api/integrations").expect(401);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.text()).doesNotContain(token);
		this.admin.withToken("cst_not-a-token").get("/api/integrations").expect(401);
		this.admin.delete("/api/tenants/acme/tokens/" + id).expect(404);
	}

	@Test
	void shouldRejectATokenRequestWithoutAName() {
		Response refused = this.admin.post("/api/tenants/acme/tokens", Map.of()).expect(400);

		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tenant_token", Integer.class)).isZero();
	}

	private String createIntegration(String tenantId) {
		return this.admin
			.post("/api/integrations", Map.of("tenantId", tenantId, "provider", "ICLOUD", "username",
					tenantId + "@icloud.com", "password", "abcd-efgh-ijkl-mnop"))
			.expect(201)
			.body()
			.get("id")
			.asString();
	}

}
