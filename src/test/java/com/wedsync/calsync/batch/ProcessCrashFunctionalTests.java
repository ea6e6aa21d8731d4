package com.wedsync.calsync.batch;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.CalSyncApplication;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real service as a separate JVM, killed with SIGKILL at three points of a sync, then
 * started again on the same database: it recovers the orphaned sync by itself (the dead
 * execution is marked FAILED and restarted from the failed step and chunk) and ends with
 * exactly the data an uninterrupted run produces, on the platform and on the calendar,
 * after which a further sync writes nothing. The kill points are found by a WireMock
 * proxy in front of Radicale that holds the request at the chosen moment:
 * <ol>
 * <li>fetch: the first {@code calendar-multiget} REPORT of an import of 30 events;</li>
 * <li>reconcile: the 20th PUT of a push of 60 platform events, before it reaches
 * Radicale;</li>
 * <li>between PUT and link update: the first PUT of 5 new events has reached Radicale,
 * its answer is held back, so the {@code event_link} row is never committed.</li>
 * </ol>
 */
class ProcessCrashFunctionalTests {

	private static final String DATABASE_URL = env("CALSYNC_TEST_DATABASE_URL",
			"jdbc:postgresql://127.0.0.1:5432/calsync_test");

	private static final String DATABASE_USER = env("CALSYNC_TEST_DATABASE_USERNAME", "postgres");

	private static final String DATABASE_PASSWORD = env("CALSYNC_TEST_DATABASE_PASSWORD", "");

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final Pattern DTSTART = Pattern.compile("^DTSTART[^:\\r\\n]*:(\\S+)", Pattern.MULTILINE);

	private final Trap trap = new Trap();

	private final WireMockServer proxy = new WireMockServer(options().dynamicPort().extensions(this.trap));

	private final List<Node> nodes = new ArrayList<>();

	private JdbcTemplate jdbc;

	private CalDavTestServer radicale;

	@BeforeEach
	void setUp() throws Exception {
		recreateDatabase();
		this.jdbc = new JdbcTemplate(new DriverManagerDataSource(DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD));
		this.radicale = CalDavTestServers.radicale();
		this.radicale.removeAllCalendars();
		this.proxy.start();
		this.proxy
			.stubFor(WireMock.any(anyUrl()).willReturn(aResponse().proxiedFrom(this.radicale.baseUrl().toString())));
	}

	@AfterEach
	void tearDown() {
		this.trap.disarm();
		this.nodes.forEach(Node::kill);
		this.proxy.stop();
	}

	@Test
	void shouldRecoverFromKillsDuringFetchReconcileAndBetweenPutAndLinkAndFinishTheSyncOnSigterm() throws Exception {
		long testStart = System.nanoTime();
		URI pullCalendar = this.radicale.createCalendar("pull");
		URI pushCalendar = this.radicale.createCalendar("push");
		Map<String, Expected> pulled = new TreeMap<>();
		for (int i = 1; i <= 30; i++) {
			Expected event = new Expected("pull-%02d@crash.example".formatted(i), "Pull " + i,
					LocalDateTime.of(2027, 5, 1, 9, 0).plusDays(i).atZone(ZoneId.of("UTC")).toLocalDateTime());
			pulled.put(event.uid(), event);
			this.radicale.putEvent(pullCalendar, "pull-%02d.ics".formatted(i), utcEvent(event));
		}

		// (a) killed during fetch: the first calendar-multiget is held, the process dies
		Node node = startNode();
		UUID integration = connect(node);
		this.trap.arm("REPORT", "calendar-multiget", 1, false);
		String pullSync = requestSync(node);
		killWhenSprung(node, "fetch (first calendar-multiget)");
		assertThat(status(pullSync)).isEqualTo("RUNNING");

		node = startNode();
		JsonNode recovered = awaitCompleted(node, pullSync, "pull after a kill during fetch");
		assertThat(recovered.get("counts").get("created").asInt()).isEqualTo(30);
		assertRecoveredFromFailedExecution(pullSync);
		assertPulled(pullCalendar, pulled);

		// (b) killed during reconcile: the 20th PUT of a push of 60 never reaches
		// Radicale
		String wedding = createWedding(node);
		addParticipant(node, wedding, calendarId(pushCalendar));
		Map<String, Expected> pushed = new TreeMap<>();
		for (int i = 1; i <= 60; i++) {
			LocalDateTime start = LocalDateTime.of(2027, 3, 1, 10, 0).plusDays(i);
			pushed.putAll(createEvent(node, wedding, "Push " + i, start));
		}
		this.trap.arm("PUT", "", 20, false);
		String pushSync = requestSync(node);
		killWhenSprung(node, "reconcile (20th PUT)");
		assertThat(this.radicale.events(pushCalendar)).hasSize(19);

		node = startNode();
		awaitCompleted(node, pushSync, "push after a kill during reconcile");
		assertRecoveredFromFailedExecution(pushSync);
		assertPushed(pushCalendar, pushed);
		assertNoWritesOnNextSync(node, integration);

		// (c) killed between PUT and link update: Radicale stored the first new event,
		// its answer is held back, so the link of that write is never committed
		for (int i = 1; i <= 5; i++) {
			pushed.putAll(createEvent(node, wedding, "Late " + i, LocalDateTime.of(2027, 6, 1, 8, 0).plusDays(i)));
		}
		this.trap.arm("PUT", "", 1, true);
		String lateSync = requestSync(node);
		killWhenSprung(node, "between PUT and link update (first PUT answered by Radicale, answer held)");
		assertThat(this.radicale.events(pushCalendar)).hasSize(61);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM event_link WHERE calendar_id = ?", Integer.class,
				UUID.fromString(calendarId(pushCalendar))))
			.as("the link of the last write was lost with the process")
			.isEqualTo(60);

		node = startNode();
		awaitCompleted(node, lateSync, "push after a kill between PUT and link update");
		assertRecoveredFromFailedExecution(lateSync);
		assertPushed(pushCalendar, pushed);
		assertPulled(pullCalendar, pulled);
		assertNoWritesOnNextSync(node, integration);

		// (d) SIGTERM during reconcile: the process lets the running sync finish (bounded
		// by the executor's termination wait) before it exits
		for (int i = 1; i <= 5; i++) {
			pushed.putAll(createEvent(node, wedding, "Term " + i, LocalDateTime.of(2027, 7, 1, 8, 0).plusDays(i)));
		}
		this.trap.arm("PUT", "", 1, false);
		String termSync = requestSync(node);
		assertThat(this.trap.awaitSprung(60)).as("the sync reached its first PUT").isTrue();
		long terminating = System.nanoTime();
		node.process().destroy();
		Thread.sleep(500);
		this.trap.disarm();
		assertThat(node.process().waitFor(60, TimeUnit.SECONDS)).as("the process exits after SIGTERM").isTrue();
		System.out.printf("[crash] SIGTERM to exit %.1f s, sync then %s%n", seconds(terminating), status(termSync));
		assertThat(status(termSync)).as("the running sync was allowed to finish").isEqualTo("COMPLETED");

		node = startNode();
		assertPushed(pushCalendar, pushed);
		assertNoWritesOnNextSync(node, integration);
		System.out.printf("[crash] whole test %.1f s%n", seconds(testStart));
	}

	// --- the service as a separate process

	private Node startNode() throws IOException, InterruptedException {
		long started = System.nanoTime();
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path log = Path.of("target", "crash-tests", "node-" + (this.nodes.size() + 1) + ".log");
		Files.createDirectories(log.getParent());
		String java = ProcessHandle.current().info().command().orElse("java");
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), CalSyncApplication.class.getName(), "--server.port=" + port,
				"--spring.profiles.active=", "--calsync.admin.password=test-admin-password",
				"--calsync.credentials.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
				"--calsync.credentials.key-id=test-key", "--calsync.data-dir=target/crash-tests/data",
				"--calsync.caldav.multiget-batch-size=5", "--calsync.caldav.read-timeout=60s",
				"--calsync.sync.apply-chunk-size=5", "--calsync.caldav.url-policy.require-https=false",
				"--calsync.caldav.url-policy.allow-loopback=true",
				// a dead node is noticed within about 2.5 s instead of 15 s
				"--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000",
				"--calsync.sync.node-grace-ms=1500", "--calsync.sync.orphan-sweep-interval-ms=1000");
		builder.environment().put("SPRING_DATASOURCE_URL", DATABASE_URL);
		builder.environment().put("SPRING_DATASOURCE_USERNAME", DATABASE_USER);
		builder.environment().put("SPRING_DATASOURCE_PASSWORD", DATABASE_PASSWORD);
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		Node node = new Node(builder.start(), new CalSyncApi(port), port, log);
		this.nodes.add(node);
		Instant deadline = Instant.now().plusSeconds(90);
		while (true) {
			assertThat(node.process().isAlive()).as("node exited, see " + log).isTrue();
			try {
				if (node.api().get("/actuator/health").status() == 200) {
					break;
				}
			}
			catch (IllegalStateException ex) {
				// not listening yet
			}
			assertThat(Instant.now()).as("node ready within 90 s, see " + log).isBefore(deadline);
			Thread.sleep(200);
		}
		System.out.printf("[crash] node %d up on port %d in %.1f s%n", this.nodes.size(), port, seconds(started));
		return node;
	}

	private void killWhenSprung(Node node, String where) throws InterruptedException {
		long waited = System.nanoTime();
		assertThat(this.trap.awaitSprung(60)).as("the sync reached " + where).isTrue();
		node.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		this.trap.disarm();
		System.out.printf("[crash] killed (SIGKILL) during %s after %.1f s%n", where, seconds(waited));
	}

	private JsonNode awaitCompleted(Node node, String syncId, String what) throws InterruptedException {
		long started = System.nanoTime();
		Instant deadline = Instant.now().plusSeconds(120);
		while (Instant.now().isBefore(deadline)) {
			JsonNode report = node.api().get("/api/syncs/" + syncId).expect(200).body();
			String status = report.get("status").asString();
			if (status.equals("COMPLETED")) {
				System.out.printf("[crash] %s: recovered and COMPLETED %.1f s after the node was up%n", what,
						seconds(started));
				return report;
			}
			assertThat(status).as(report.toString()).isIn("RUNNING", "QUEUED", "FAILED");
			Thread.sleep(200);
		}
		throw new AssertionError("Sync " + syncId + " (" + what + ") did not complete; see the node logs");
	}

	// --- driving the service

	private UUID connect(Node node) {
		JsonNode created = node.api()
			.post("/api/integrations",
					Map.of("tenantId", "tenant-crash", "provider", "CALDAV", "serverUrl", this.proxy.baseUrl() + "/",
							"username", this.radicale.username(), "password", this.radicale.password()))
			.expect(201)
			.body();
		return UUID.fromString(created.get("id").asString());
	}

	private String requestSync(Node node) {
		UUID integration = this.jdbc.queryForObject("SELECT id FROM integration", UUID.class);
		return node.api()
			.post("/api/integrations/" + integration + "/syncs", Map.of("reason", "crash test"))
			.expect(202)
			.body()
			.get("syncId")
			.asString();
	}

	private String createWedding(Node node) {
		return node.api()
			.post("/api/weddings",
					Map.of("tenantId", "tenant-crash", "title", "Crash & Safety", "weddingDate", "2027-06-12",
							"timeZone", "Europe/London"))
			.expect(201)
			.body()
			.get("id")
			.asString();
	}

	private void addParticipant(Node node, String wedding, String calendarId) {
		node.api()
			.post("/api/weddings/" + wedding + "/participants",
					Map.of("calendarId", calendarId, "role", "PLANNER", "kinds",
							List.of("CEREMONY", "MEETING", "DEADLINE", "OTHER")))
			.expect(201);
	}

	private Map<String, Expected> createEvent(Node node, String wedding, String summary, LocalDateTime start) {
		Map<String, Object> body = new HashMap<>();
		body.put("kind", "MEETING");
		body.put("summary", summary);
		body.put("start", start.toString());
		body.put("end", start.plusHours(1).toString());
		JsonNode created = node.api().post("/api/weddings/" + wedding + "/events", body).expect(201).body();
		String uid = this.jdbc.queryForObject("SELECT uid FROM wedding_event WHERE id = ?", String.class,
				UUID.fromString(created.get("id").asString()));
		return Map.of(uid, new Expected(uid, summary, start));
	}

	private String calendarId(URI calendar) {
		return this.jdbc.queryForObject("SELECT CAST(id AS VARCHAR) FROM calendar WHERE href = ?", String.class,
				this.proxy.baseUrl() + calendar.getPath());
	}

	private String status(String syncId) {
		return this.jdbc.queryForObject("SELECT status FROM sync_run WHERE id = ?", String.class,
				UUID.fromString(syncId));
	}

	// --- what an uninterrupted run ends with

	/**
	 * The killed execution was marked FAILED and a new execution of the same sync won.
	 */
	private void assertRecoveredFromFailedExecution(String syncId) {
		List<String> executions = this.jdbc.queryForList(
				"SELECT e.status FROM batch_job_execution e " + "JOIN sync_run r ON r.job_execution_id IS NOT NULL "
						+ "JOIN batch_job_execution last ON last.job_execution_id = r.job_execution_id "
						+ "WHERE r.id = ? AND e.job_instance_id = last.job_instance_id ORDER BY e.job_execution_id",
				String.class, UUID.fromString(syncId));
		assertThat(executions).first().isEqualTo("FAILED");
		assertThat(executions).last().isEqualTo("COMPLETED");
		assertThat(executions).doesNotContain("STARTED", "STARTING", "STOPPING", "UNKNOWN");
	}

	private void assertPulled(URI calendar, Map<String, Expected> expected) {
		Map<String, Expected> onPlatform = new TreeMap<>();
		List<String> uids = new ArrayList<>();
		this.jdbc.query("SELECT uid, summary, start_at FROM wedding_event WHERE uid LIKE 'pull-%' AND NOT deleted",
				(rs) -> {
					uids.add(rs.getString("uid"));
					onPlatform.put(rs.getString("uid"), new Expected(rs.getString("uid"), rs.getString("summary"),
							LocalDateTime.ofInstant(rs.getTimestamp("start_at").toInstant(), ZoneId.of("UTC"))));
				});
		assertThat(uids).as("no event imported twice").hasSize(expected.size());
		assertThat(onPlatform).isEqualTo(expected);
		assertLinks(calendar, expected.size());
		assertThat(serverEvents(calendar, ZoneId.of("UTC"))).hasSize(expected.size());
	}

	private void assertPushed(URI calendar, Map<String, Expected> expected) {
		Map<String, Expected> onServer = serverEvents(calendar, LONDON);
		assertThat(onServer).isEqualTo(expected);
		Map<String, Expected> onPlatform = new TreeMap<>();
		List<String> uids = new ArrayList<>();
		this.jdbc.query("SELECT uid, summary, start_at FROM wedding_event WHERE uid NOT LIKE 'pull-%' AND NOT deleted",
				(rs) -> {
					uids.add(rs.getString("uid"));
					onPlatform.put(rs.getString("uid"), new Expected(rs.getString("uid"), rs.getString("summary"),
							LocalDateTime.ofInstant(rs.getTimestamp("start_at").toInstant(), LONDON)));
				});
		assertThat(uids).as("no event created twice on the platform").hasSize(expected.size());
		assertThat(onPlatform).isEqualTo(expected);
		assertLinks(calendar, expected.size());
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM sync_outbox", Integer.class)).isZero();
	}

	/**
	 * One link per event, each on its own href, at the event's version; nothing parked.
	 */
	private void assertLinks(URI calendar, int expected) {
		UUID calendarId = UUID.fromString(calendarId(calendar));
		Map<String, Object> links = this.jdbc.queryForMap(
				"SELECT count(*) AS links, count(DISTINCT l.event_id) AS events, count(DISTINCT l.href) AS hrefs, "
						+ "count(*) FILTER (WHERE l.synced_version = e.version AND l.etag IS NOT NULL) AS current "
						+ "FROM event_link l JOIN wedding_event e ON e.id = l.event_id WHERE l.calendar_id = ?",
				calendarId);
		assertThat(links).containsEntry("links", (long) expected)
			.containsEntry("events", (long) expected)
			.containsEntry("hrefs", (long) expected)
			.containsEntry("current", (long) expected);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM dead_letter", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM sync_conflict", Integer.class)).isZero();
	}

	/** UID to summary and start of every object on the server; fails on a UID twice. */
	private Map<String, Expected> serverEvents(URI calendar, ZoneId zone) {
		Map<String, Expected> events = new TreeMap<>();
		for (String body : this.radicale.events(calendar).values()) {
			String uid = line(body, "UID");
			String summary = line(body, "SUMMARY");
			Matcher start = DTSTART.matcher(body.substring(body.indexOf("BEGIN:VEVENT")));
			assertThat(start.find()).isTrue();
			String value = start.group(1);
			LocalDateTime local = value.endsWith("Z") ? LocalDateTime.ofInstant(
					Instant.from(
							DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX").withZone(ZoneId.of("UTC")).parse(value)),
					zone) : LocalDateTime.parse(value, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
			Expected previous = events.put(uid, new Expected(uid, summary, local));
			assertThat(previous).as("UID " + uid + " twice on the server").isNull();
		}
		return events;
	}

	private void assertNoWritesOnNextSync(Node node, UUID integration) {
		long before = writes(node);
		long started = System.nanoTime();
		JsonNode report = node.api().syncAndWait(integration);
		assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(writes(node)).as("PUT and DELETE requests of a further sync").isEqualTo(before);
		assertThat(report.get("counts").get("created").asInt()).isZero();
		assertThat(report.get("counts").get("updated").asInt()).isZero();
		assertThat(report.get("counts").get("deleted").asInt()).isZero();
		System.out.printf("[crash] further sync: 0 writes, %.1f s%n", seconds(started));
	}

	/** {@code calsync_caldav_requests_total} of PUT and DELETE in the node's metrics. */
	private static long writes(Node node) {
		String metrics;
		try {
			metrics = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/actuator/prometheus"))
					.build(), BodyHandlers.ofString())
				.body();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
		double total = 0;
		for (String line : metrics.split("\n")) {
			if (line.startsWith("calsync_caldav_requests_total{")
					&& (line.contains("method=\"PUT\"") || line.contains("method=\"DELETE\""))) {
				total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return (long) total;
	}

	// --- fixtures

	private static String utcEvent(Expected event) {
		String start = event.start().format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
		String end = event.start().plusHours(1).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
		return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//calsync tests//EN\r\nBEGIN:VEVENT\r\nUID:" + event.uid()
				+ "\r\nDTSTAMP:20261130T090000Z\r\nDTSTART:" + start + "Z\r\nDTEND:" + end + "Z\r\nSUMMARY:"
				+ event.summary() + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
	}

	private static String line(String ics, String name) {
		Matcher matcher = Pattern.compile("^" + name + ":(.*?)\\r?$", Pattern.MULTILINE).matcher(ics);
		assertThat(matcher.find()).as(name + " in " + ics).isTrue();
		return matcher.group(1);
	}

	private void recreateDatabase() throws Exception {
		URI uri = URI.create(DATABASE_URL.substring("jdbc:".length()));
		String name = uri.getPath().substring(1).replace("\"", "");
		try (var connection = java.sql.DriverManager
			.getConnection("jdbc:postgresql://" + uri.getAuthority() + "/postgres", DATABASE_USER, DATABASE_PASSWORD);
				var statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
			statement.execute("CREATE DATABASE \"" + name + "\"");
		}
	}

	private static double seconds(long sinceNanos) {
		return (System.nanoTime() - sinceNanos) / 1e9;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	record Expected(String uid, String summary, LocalDateTime start) {
	}

	record Node(Process process, CalSyncApi api, int port, Path log) {

		void kill() {
			this.process.destroyForcibly();
			try {
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	/**
	 * Holds the Nth request of a method (whose body contains a text) until disarmed:
	 * before it is proxied (it never reaches Radicale) or after Radicale answered (the
	 * answer is held back).
	 */
	static final class Trap implements ResponseDefinitionTransformerV2, ResponseTransformerV2 {

		private volatile Armed armed;

		void arm(String method, String bodyContains, int nth, boolean afterServer) {
			this.armed = new Armed(method, bodyContains, nth, afterServer, new AtomicInteger(), new CountDownLatch(1),
					new CountDownLatch(1));
		}

		boolean awaitSprung(int seconds) throws InterruptedException {
			return this.armed.sprung().await(seconds, TimeUnit.SECONDS);
		}

		void disarm() {
			Armed current = this.armed;
			if (current != null) {
				current.release().countDown();
			}
		}

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			if (hold(serveEvent, false)) {
				// the client is dead by now: this request must never reach Radicale
				return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
			}
			return serveEvent.getResponseDefinition();
		}

		@Override
		public Response transform(Response response, ServeEvent serveEvent) {
			hold(serveEvent, true);
			return response;
		}

		private boolean hold(ServeEvent event, boolean afterServer) {
			Armed current = this.armed;
			if (current == null || current.afterServer() != afterServer
					|| !event.getRequest().getMethod().getName().equals(current.method())
					|| !event.getRequest().getBodyAsString().contains(current.bodyContains())
					|| current.seen().incrementAndGet() != current.nth()) {
				return false;
			}
			current.sprung().countDown();
			try {
				current.release().await(90, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return true;
		}

		@Override
		public boolean applyGlobally() {
			return true;
		}

		@Override
		public String getName() {
			return "crash-trap";
		}

		record Armed(String method, String bodyContains, int nth, boolean afterServer, AtomicInteger seen,
				CountDownLatch sprung, CountDownLatch release) {
		}

	}

}
