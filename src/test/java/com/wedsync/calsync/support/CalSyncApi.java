package com.wedsync.calsync.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.wedsync.calsync.support.logscan.SuiteSecrets;
import com.wedsync.calsync.testpeers.CalDavTestServer;

/**
 * The service's REST API as a client sees it: real HTTP to the running application, with
 * the admin credentials of the test profile.
 */
public final class CalSyncApi {

	private static final String ADMIN = "Basic "
			+ Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));

	private final URI base;

	private final String authorization;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	public CalSyncApi(int port) {
		this(URI.create("http://127.0.0.1:" + port), ADMIN);
	}

	private CalSyncApi(URI base, String authorization) {
		this.base = base;
		this.authorization = authorization;
	}

	/** The same API called with a tenant bearer token instead of the admin login. */
	public CalSyncApi withToken(String token) {
		return new CalSyncApi(this.base, "Bearer " + token);
	}

	/** Issues a tenant token as the admin; returns its secret. */
	public String issueTenantToken(String tenantId) {
		return post("/api/tenants/" + tenantId + "/tokens", Map.of("name", "test")).expect(201)
			.body()
			.get("token")
			.asString();
	}

	public URI base() {
		return this.base;
	}

	/** The Authorization header this client sends. */
	public String authorization() {
		return this.authorization;
	}

	public Response get(String path) {
		return send(request(path).GET(), this.authorization);
	}

	public Response post(String path, Object body) {
		recordSecrets(body);
		return send(request(path).POST(BodyPublishers.ofString(this.json.writeValueAsString(body)))
			.header("Content-Type", "application/json"), this.authorization);
	}

	public Response postRaw(String path, String body, String authorization) {
		return send(request(path).POST(BodyPublishers.ofString(body)).header("Content-Type", "application/json"),
				authorization);
	}

	public Response patch(String path, Object body) {
		recordSecrets(body);
		return send(request(path).method("PATCH", BodyPublishers.ofString(this.json.writeValueAsString(body)))
			.header("Content-Type", "application/json"), this.authorization);
	}

	public Response delete(String path) {
		return send(request(path).DELETE(), this.authorization);
	}

	/** Connects the test server's account; returns the integration id. */
	public UUID connect(CalDavTestServer server, String tenantId) {
		return connect(server, server.baseUrl(), tenantId);
	}

	/**
	 * Connects the test server's account at another URL (a proxy or a fault-injecting
	 * host in front of it); returns the integration id.
	 */
	public UUID connect(CalDavTestServer server, URI serverUrl, String tenantId) {
		Response created = post("/api/integrations", Map.of("tenantId", tenantId, "provider", "CALDAV", "serverUrl",
				serverUrl.toString(), "username", server.username(), "password", server.password()));
		created.expect(201);
		return UUID.fromString(created.body().get("id").asString());
	}

	/** Requests a sync and waits until it ends; returns the final sync report. */
	public JsonNode syncAndWait(UUID integrationId) {
		Response accepted = post("/api/integrations/" + integrationId + "/syncs", Map.of("reason", "test"));
		accepted.expect(202);
		return awaitEnd(accepted.body().get("syncId").asString());
	}

	public JsonNode awaitEnd(String syncId) {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (Instant.now().isBefore(deadline)) {
			JsonNode report = get("/api/syncs/" + syncId).expect(200).body();
			String status = report.get("status").asString();
			if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
				return report;
			}
			sleep();
		}
		throw new AssertionError("Sync " + syncId + " did not end within 3 minutes");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(this.base.resolve(path)).timeout(Duration.ofSeconds(30));
	}

	// the log scan after the suite looks for every secret the service was given
	private static void recordSecrets(Object body) {
		if (body instanceof Map<?, ?> fields) {
			for (String key : List.of("password", "token", "secret")) {
				if (fields.get(key) instanceof String secret) {
					SuiteSecrets.record((fields.get("username") instanceof String user) ? user : null, secret);
				}
			}
		}
	}

	private Response send(HttpRequest.Builder request, String authorization) {
		SuiteSecrets.recordAuthorization(authorization);
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), BodyHandlers.ofString());
			JsonNode body = response.body().isEmpty() ? null : this.json.readTree(response.body());
			if (body != null && body.isObject() && body.path("token").isString()) {
				SuiteSecrets.record(body.get("token").asString());
			}
			return new Response(response.statusCode(), body, response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	public record Response(int status, JsonNode body, String contentType, String text) {

		public Response expect(int expected) {
			if (this.status != expected) {
				throw new AssertionError("Expected HTTP " + expected + " but got " + this.status + ": " + this.text);
			}
			return this;
		}

	}

}
