package com.wedsync.calsync.integration;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.caldav.DavCredentials;
import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.support.CalSyncApi.Response;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integrations API over HTTP: what a client may send, what it gets back, and that the
 * app-specific password is sealed at rest and never shown or logged.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class IntegrationApiIntegrationTests {

	private static final String SECRET = "abcd-efgh-ijkl-mnop";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IntegrationRepository integrations;

	CalSyncApi api;

	@BeforeEach
	void setUp() {
		this.api = new CalSyncApi(this.port);
	}

	@Test
	void shouldSealThePasswordAndNeverReturnIt() {
		Response created = this.api.post("/api/integrations",
				Map.of("tenantId", "acme", "provider", "ICLOUD", "username", "planner@icloud.com", "password", SECRET));

		created.expect(201);
		assertThat(created.text()).doesNotContain(SECRET).doesNotContainIgnoringCase("password");
		assertThat(created.body().get("serverUrl").asString()).isEqualTo("https://caldav.icloud.com/");
		assertThat(created.body().get("pollIntervalSeconds").asInt()).isEqualTo(300);
		UUID id = UUID.fromString(created.body().get("id").asString());
		Map<String, Object> row = this.jdbc
			.queryForMap("SELECT credential_key_id, credential_ciphertext FROM integration WHERE id = ?", id);
		assertThat(row.get("credential_key_id")).isEqualTo("test-key");
		assertThat(row.get("credential_ciphertext").toString()).doesNotContain(SECRET).isNotBlank();
		assertThat(this.integrations.credentials(id)).isEqualTo(new DavCredentials("planner@icloud.com", SECRET));
		assertThat(this.api.get("/api/integrations/" + id).expect(200).text()).doesNotContain(SECRET);
		assertThat(this.api.get("/api/integrations?tenantId=acme").expect(200).body()).hasSize(1);
		assertThat(this.api.get("/api/integrations?tenantId=other").expect(200).body()).isEmpty();
	}

	@Test
	void shouldNotOpenACiphertextCopiedToAnotherIntegration() {
		UUID first = id(this.api.post("/api/integrations",
				Map.of("tenantId", "acme", "provider", "ICLOUD", "username", "a@icloud.com", "password", SECRET)));
		UUID second = id(this.api.post("/api/integrations", Map.of("tenantId", "acme", "provider", "ICLOUD", "username",
				"b@icloud.com", "password", "other-secret")));
		this.jdbc.update("UPDATE integration SET credential_ciphertext = (SELECT credential_ciphertext FROM "
				+ "integration WHERE id = ?) WHERE id = ?", first, second);

		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> this.integrations.credentials(second)))
			.hasMessageContaining("wrong key or tampered data")
			.hasMessageNotContaining(SECRET);
	}

	@Test
	void shouldAnswerInvalidRequestsWithProblemDetailsNamingTheFields() {
		Response missing = this.api.post("/api/integrations", Map.of("provider", "CALDAV"));
		missing.expect(400);
		assertThat(missing.contentType()).startsWith("application/problem+json");
		assertThat(missing.body().get("errors").findValuesAsString("field")).contains("username", "password");

		Response noTenant = this.api.post("/api/integrations",
				Map.of("provider", "ICLOUD", "username", "u@icloud.com", "password", "p"));
		noTenant.expect(400);
		assertThat(noTenant.body().get("detail").asString()).contains("tenantId is required");

		Response badProvider = this.api.post("/api/integrations",
				Map.of("tenantId", "t", "provider", "EXCHANGE", "username", "u", "password", "p"));
		badProvider.expect(400);
		assertThat(badProvider.body().get("detail").asString()).contains("ICLOUD or CALDAV");

		Response noServer = this.api.post("/api/integrations",
				Map.of("tenantId", "t", "provider", "CALDAV", "username", "u", "password", "p"));
		assertThat(noServer.expect(400).body().get("detail").asString()).contains("serverUrl is required");

		Response notHttp = this.api.post("/api/integrations", Map.of("tenantId", "t", "provider", "CALDAV", "serverUrl",
				"file:///etc/passwd", "username", "u", "password", "p"));
		assertThat(notHttp.expect(400).body().get("detail").asString()).contains("http(s)");

		Response tooOften = this.api.post("/api/integrations", Map.of("tenantId", "t", "provider", "ICLOUD", "username",
				"u", "password", "p", "pollIntervalSeconds", 5));
		assertThat(tooOften.expect(400).body().get("errors").findValuesAsString("field"))
			.containsExactly("pollIntervalSeconds");

		Response garbage = this.api.postRaw("/api/integrations", "{not json", CalSyncApiAuth.ADMIN);
		garbage.expect(400);
		assertThat(garbage.contentType()).startsWith("application/problem+json");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM integration", Integer.class)).isZero();
	}

	@Test
	void shouldRequireAdminCredentials() {
		Response anonymous = this.api.postRaw("/api/integrations", "{}", null);
		anonymous.expect(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
		this.api.postRaw("/api/integrations", "{}", CalSyncApiAuth.basic("admin", "wrong")).expect(401);
		assertThat(this.api.get("/actuator/health").status()).isEqualTo(200);
	}

	@Test
	void shouldReportUnknownIdsAndRefusedActionsAsProblems() {
		UUID unknown = UUID.randomUUID();
		Response notFound = this.api.get("/api/integrations/" + unknown);
		assertThat(notFound.expect(404).body().get("detail").asString()).contains(unknown.toString());
		this.api.get("/api/syncs/" + unknown).expect(404);
		this.api.get("/api/calendars/" + unknown + "/events").expect(404);
		this.api.get("/api/integrations/not-a-uuid").expect(400);

		UUID id = id(this.api.post("/api/integrations",
				Map.of("tenantId", "t", "provider", "ICLOUD", "username", "u", "password", "p")));
		this.api.patch("/api/integrations/" + id, Map.of("status", "PAUSED")).expect(200);
		Response paused = this.api.post("/api/integrations/" + id + "/syncs", Map.of());
		assertThat(paused.expect(409).body().get("title").asString()).isEqualTo("Integration paused");
		this.api.patch("/api/integrations/" + id, Map.of("status", "AUTH_FAILED")).expect(400);
		this.api.post("/api/integrations/" + id + "/syncs", Map.of("priority", "URGENT")).expect(400);

		this.api.delete("/api/integrations/" + id).expect(204);
		this.api.delete("/api/integrations/" + id).expect(404);
	}

	@Test
	void shouldMarkAuthFailedOnRefusedCredentialsWithoutLoggingThem(CapturedOutput output) {
		CalDavTestServer radicale = CalDavTestServers.radicale();
		UUID id = id(this.api.post("/api/integrations", Map.of("tenantId", "t", "provider", "CALDAV", "serverUrl",
				radicale.baseUrl().toString(), "username", radicale.username(), "password", SECRET)));

		JsonNode sync = this.api.syncAndWait(id);

		assertThat(sync.get("status").asString()).isEqualTo("FAILED");
		JsonNode integration = this.api.get("/api/integrations/" + id).expect(200).body();
		assertThat(integration.get("status").asString()).isEqualTo("AUTH_FAILED");
		// polling stops: a refused password is not sent to the server again
		assertThat(pollTriggers(id)).isZero();
		Response restartCompleted = this.api.post("/api/syncs/" + sync.get("syncId").asString() + "/restart", Map.of());
		assertThat(restartCompleted.status()).isEqualTo(202);
		this.api.awaitEnd(sync.get("syncId").asString());
		this.api.patch("/api/integrations/" + id, Map.of("password", radicale.password())).expect(200);
		assertThat(this.api.get("/api/integrations/" + id).expect(200).body().get("status").asString())
			.isEqualTo("ACTIVE");
		assertThat(pollTriggers(id)).isOne();
		JsonNode retried = this.api.syncAndWait(id);
		assertThat(retried.get("status").asString()).isEqualTo("COMPLETED");
		Response again = this.api.post("/api/syncs/" + retried.get("syncId").asString() + "/restart", Map.of());
		assertThat(again.expect(409).body().get("title").asString()).isEqualTo("Sync cannot be restarted");
		assertThat(output.getAll()).doesNotContain(SECRET).doesNotContain(radicale.password());
	}

	private int pollTriggers(UUID integrationId) {
		return this.jdbc.queryForObject(
				"SELECT count(*) FROM qrtz_triggers WHERE trigger_group = 'integration-poll' AND trigger_name = ?",
				Integer.class, integrationId.toString());
	}

	private static UUID id(Response created) {
		return UUID.fromString(created.expect(201).body().get("id").asString());
	}

}
