package com.wedsync.calsync.hostile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.wedsync.calsync.support.ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed, oversized and dangerous API requests: each is answered with a problem detail
 * naming what is wrong, nothing is stored, and the service stays healthy.
 */
@ApplicationTest
class HostileApiInputIntegrationTests {

	private static final String ADMIN = "Basic "
			+ Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));

	private static final String ICLOUD = "\"provider\":\"CALDAV\",\"username\":\"u\",\"password\":\"app-pw\",\"tenantId\":\"t\"";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@ParameterizedTest(name = "{0} {1} -> {3}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			// nonsense ids
			"GET|/api/integrations/not-a-uuid||400|id", "GET|/api/events/1'%20OR%20'1'='1||400|id",
			"GET|/api/syncs/12345||400|syncId", "POST|/api/calendars/123/confirm-deletions|{}|400|id",
			// malformed JSON, wrong types, unknown values, oversized strings
			"POST|/api/integrations|{\"provider\":|400|JSON", "POST|/api/integrations|[1,2,3]|400|JSON",
			"POST|/api/integrations|`{" + ICLOUD + ",\"pollIntervalSeconds\":\"soon\"}`|400|JSON",
			"POST|/api/integrations|`{\"provider\":\"EXCHANGE\",\"username\":\"u\",\"password\":\"p\",\"tenantId\":\"t\"}`|400|provider",
			"POST|/api/weddings|`{\"tenantId\":\"t\",\"title\":\"x\",\"timeZone\":\"Mars/Olympus\"}`|400|timeZone",
			"POST|/api/weddings|`{\"tenantId\":\"t\",\"title\":\"x\",\"timeZone\":\"UTC\",\"weddingDate\":\"2026-02-30\"}`|400|JSON",
			// server URLs calsync must never fetch
			"POST|/api/integrations|`{" + ICLOUD
					+ ",\"serverUrl\":\"http://169.254.169.254/latest/meta-data/\"}`|400|metadata",
			"POST|/api/integrations|`{" + ICLOUD + ",\"serverUrl\":\"http://10.0.0.8/dav/\"}`|400|private",
			"POST|/api/integrations|`{" + ICLOUD + ",\"serverUrl\":\"http://[::ffff:192.168.0.1]/\"}`|400|private",
			"POST|/api/integrations|`{" + ICLOUD + ",\"serverUrl\":\"file:///etc/passwd\"}`|400|serverUrl",
			"POST|/api/integrations|`{" + ICLOUD + ",\"serverUrl\":\"http://user:pw@127.0.0.1/\"}`|400|credentials" })
	void shouldAnswerHostileRequestsWithAProblemAndStoreNothing(String method, String path, String body, int status,
			String mentioned) throws Exception {
		HttpResponse<String> response = send(method, path, (body != null) ? body : "");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).containsIgnoringCase(mentioned)
			.doesNotContain("app-pw")
			.doesNotContain("Exception");
		assertNothingStoredAndHealthy();
	}

	@Test
	void shouldRefuseABodyOverTheLimitWith413() throws Exception {
		String huge = "{\"provider\":\"CALDAV\",\"username\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";

		HttpResponse<String> response = send("POST", "/api/integrations", huge);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("at most 1048576");
		assertNothingStoredAndHealthy();
	}

	@Test
	void shouldRefuseAnOversizedFieldNamingIt() throws Exception {
		HttpResponse<String> response = send("POST", "/api/integrations",
				"{" + ICLOUD.replace("\"u\"", "\"" + "u".repeat(5000) + "\"") + "}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("username");
		assertNothingStoredAndHealthy();
	}

	private void assertNothingStoredAndHealthy() throws Exception {
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM integration", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM wedding", Integer.class)).isZero();
		assertThat(send("GET", "/actuator/health", "").body()).contains("UP");
	}

	private HttpResponse<String> send(String method, String path, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", ADMIN)
			.header("Content-Type", "application/json")
			.method(method, body.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, BodyHandlers.ofString());
	}

}
