package com.wedsync.calsync.observability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.wedsync.calsync.observability.MonitoringExpressions.AlertRule;
import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;
import com.wedsync.calsync.testpeers.FaultyProxy;
import com.wedsync.calsync.testpeers.PrometheusTestServer;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CalDAV host goes down: its circuit-breaker metric turns to open, the health shows the
 * host and the service DEGRADED with HTTP 200 (not DOWN: the node is fine, the remote
 * server is not; probes stay UP), details only for the admin, and the query of the
 * CalSyncCircuitOpen alert goes from 0 to 1 for that host in a real Prometheus.
 */
@ApplicationTest
// As HostOutageFunctionalTests (one shared context): the circuit opens after three
// failed attempts of one request.
@TestPropertySource(
		properties = { "calsync.caldav.resilience.max-attempts=4", "calsync.caldav.resilience.base-backoff=10ms",
				"calsync.caldav.resilience.max-backoff=50ms", "calsync.caldav.resilience.sliding-window-size=3",
				"calsync.caldav.resilience.minimum-calls=3", "calsync.caldav.resilience.failure-rate-threshold=100",
				"calsync.caldav.resilience.open-wait=1s", "calsync.caldav.resilience.half-open-calls=1" })
class HostFailureMonitoringFunctionalTests {

	private static final String ADMIN = "Basic "
			+ Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	@Timeout(90)
	void shouldShowAnOpenCircuitInMetricsHealthAndAlertQuery() throws Exception {
		CalSyncApi api = new CalSyncApi(this.port);
		CalDavTestServer radicale = CalDavTestServers.radicale();
		radicale.removeAllCalendars();
		radicale.createCalendar("behind-the-failing-host");
		AlertRule circuitOpen = MonitoringExpressions.alertRules()
			.stream()
			.filter((rule) -> rule.name().equals("CalSyncCircuitOpen"))
			.findFirst()
			.orElseThrow();
		try (PrometheusTestServer prometheus = PrometheusTestServer.scraping(this.port);
				FaultyProxy host = new FaultyProxy(radicale.baseUrl(), 0, 3)) {
			String hostKey = host.baseUrl().getHost() + ":" + host.baseUrl().getPort();
			String alertQuery = circuitOpen.query(); // one series per host: by (name)
			UUID integration = api.connect(radicale, host.baseUrl(), "tenant-host-failure");
			assertThat(api.syncAndWait(integration).get("status").asString()).isEqualTo("COMPLETED");
			assertThat(circuitGauge(hostKey, "closed")).isEqualTo("1.0");
			assertThat(awaitValue(prometheus, alertQuery, hostKey, "0")).isEqualTo("0");

			host.goDown();
			JsonNode failed = api.syncAndWait(integration);

			assertThat(failed.get("status").asString() + " " + failed.get("exitCode").asString())
				.isEqualTo("FAILED HOST_UNAVAILABLE");
			assertThat(circuitGauge(hostKey, "open")).isEqualTo("1.0");
			assertThat(circuitGauge(hostKey, "closed")).isEqualTo("0.0");
			HttpResponse<String> adminHealth = get("/actuator/health", ADMIN);
			assertThat(adminHealth.statusCode()).isEqualTo(200);
			JsonNode health = this.json.readTree(adminHealth.body());
			assertThat(health.get("status").asString()).isEqualTo("DEGRADED");
			JsonNode hosts = health.get("components").get("caldavHosts");
			assertThat(hosts.get("status").asString()).isEqualTo("DEGRADED");
			assertThat(hosts.get("details").get("circuits").get(hostKey).asString()).isEqualTo("OPEN");
			assertThat(hosts.get("details").get("unavailableHosts").toString()).contains(hostKey);
			HttpResponse<String> anonymousHealth = get("/actuator/health", null);
			assertThat(anonymousHealth.statusCode()).isEqualTo(200);
			assertThat(this.json.readTree(anonymousHealth.body()).get("status").asString()).isEqualTo("DEGRADED");
			assertThat(anonymousHealth.body()).doesNotContain("components", hostKey);
			assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
			assertThat(get("/actuator/health/readiness", null).body()).contains("\"UP\"");
			assertThat(awaitValue(prometheus, alertQuery, hostKey, "1")).isEqualTo("1");
			assertThat(prometheus.query(circuitOpen.expr()).toString()).contains(hostKey);
		}
	}

	/**
	 * The value of the host's series once it equals {@code expected}, or the last one.
	 */
	private static String awaitValue(PrometheusTestServer prometheus, String query, String hostKey, String expected)
			throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		String value = null;
		while (System.nanoTime() < deadline && !expected.equals(value)) {
			value = null;
			for (JsonNode series : prometheus.query(query)) {
				if (hostKey.equals(series.path("metric").path("name").asString())) {
					value = series.path("value").get(1).asString();
				}
			}
			Thread.sleep(200);
		}
		return value;
	}

	/** The host's circuit state gauge as /actuator/prometheus shows it. */
	private String circuitGauge(String hostKey, String state) throws IOException, InterruptedException {
		String prefix = "calsync_caldav_circuit_state{name=\"" + hostKey + "\",state=\"" + state + "\"} ";
		return get("/actuator/prometheus", null).body()
			.lines()
			.filter((line) -> line.startsWith(prefix))
			.map((line) -> line.substring(prefix.length()))
			.findFirst()
			.orElse("absent");
	}

	private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

}
