package com.wedsync.calsync.hostile;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.wedsync.calsync.batch.SyncRun.SyncPriority;
import com.wedsync.calsync.batch.SyncRun.SyncTrigger;
import com.wedsync.calsync.batch.SyncRunRepository;
import com.wedsync.calsync.caldav.RemoteCalendar;
import com.wedsync.calsync.integration.CalendarRepository;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.integration.Provider;
import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.support.CalSyncApi.Response;
import com.wedsync.calsync.sync.conflict.ConflictRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant B's token against every API endpoint on tenant A's resources: each answers a
 * problem detail (404 as if the resource did not exist, 403 for operator endpoints, or a
 * list without A's rows) and changes nothing of A's. The endpoints are enumerated from
 * the application's handler mapping, so a new endpoint without a case here fails the
 * suite.
 */
@ApplicationTest
class CrossTenantAccessIntegrationTests {

	private static final String A = "tenant-a";

	private static final String B = "tenant-b";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IntegrationRepository integrations;

	@Autowired
	CalendarRepository calendars;

	@Autowired
	SyncRunRepository syncRuns;

	@Autowired
	ConflictRepository conflicts;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	CalSyncApi admin;

	CalSyncApi tenantB;

	Resources a;

	@BeforeEach
	void setUp() {
		this.admin = new CalSyncApi(this.port);
		this.tenantB = this.admin.withToken(this.admin.issueTenantToken(B));
		this.a = resourcesOf(A);
	}

	@Test
	void shouldHaveACrossTenantCaseForEveryApiEndpoint() {
		assertThat(cases().keySet()).containsAll(apiEndpoints());
	}

	@TestFactory
	Stream<DynamicTest> shouldRefuseTenantBEveryResourceOfTenantA() {
		String before = fingerprintOfA();
		Stream<DynamicTest> attempts = cases().entrySet()
			.stream()
			.map((entry) -> DynamicTest.dynamicTest(entry.getKey(), () -> entry.getValue().apply(this.a)));
		Stream<DynamicTest> untouched = Stream.of(DynamicTest.dynamicTest("nothing of tenant A changed", () -> {
			assertThat(fingerprintOfA()).isEqualTo(before);
			this.admin.get("/actuator/health").expect(200);
		}));
		return Stream.concat(attempts, untouched);
	}

	@Test
	void shouldNotLetATenantAttachAnotherTenantsCalendarToItsWedding() {
		Resources b = resourcesOf(B);

		Response refused = this.tenantB.post("/api/weddings/" + b.wedding() + "/participants",
				Map.of("calendarId", this.a.calendar().toString(), "role", "PLANNER"));

		refused.expect(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.text()).contains("not a known calendar").doesNotContain(A);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM participant WHERE calendar_id = ?", Integer.class,
				this.a.calendar()))
			.isEqualTo(1);
	}

	/** Every case, keyed like {@link #apiEndpoints()}. */
	private Map<String, Function<Resources, Response>> cases() {
		Map<String, Function<Resources, Response>> cases = new TreeMap<>();
		// integrations
		cases.put("POST /api/integrations", (r) -> notFound(this.tenantB.post("/api/integrations",
				Map.of("tenantId", A, "provider", "ICLOUD", "username", "x@icloud.com", "password", "p-p-p-p"))));
		cases.put("GET /api/integrations", (r) -> notFound(this.tenantB.get("/api/integrations?tenantId=" + A)));
		cases.put("GET /api/integrations/{id}",
				(r) -> notFound(this.tenantB.get("/api/integrations/" + r.integration())));
		cases.put("PATCH /api/integrations/{id}", (r) -> notFound(
				this.tenantB.patch("/api/integrations/" + r.integration(), Map.of("status", "PAUSED"))));
		cases.put("DELETE /api/integrations/{id}",
				(r) -> notFound(this.tenantB.delete("/api/integrations/" + r.integration())));
		cases.put("POST /api/integrations/{id}/syncs",
				(r) -> notFound(this.tenantB.post("/api/integrations/" + r.integration() + "/syncs", Map.of())));
		// syncs and conflicts: lists leave A's rows out, one sync is unknown
		cases.put("GET /api/syncs", (r) -> without(this.tenantB.get("/api/syncs"), r.sync()));
		cases.put("GET /api/syncs/{syncId}", (r) -> notFound(this.tenantB.get("/api/syncs/" + r.sync())));
		cases.put("POST /api/syncs/{syncId}/restart",
				(r) -> notFound(this.tenantB.post("/api/syncs/" + r.sync() + "/restart", Map.of())));
		cases.put("POST /api/syncs/{syncId}/stop",
				(r) -> notFound(this.tenantB.post("/api/syncs/" + r.sync() + "/stop", Map.of())));
		cases.put("GET /api/conflicts",
				(r) -> empty(this.tenantB.get("/api/conflicts?integrationId=" + r.integration())));
		// calendars
		cases.put("POST /api/calendars/{id}/confirm-deletions",
				(r) -> notFound(this.tenantB.post("/api/calendars/" + r.calendar() + "/confirm-deletions", Map.of())));
		cases.put("GET /api/calendars/{id}/events",
				(r) -> notFound(this.tenantB.get("/api/calendars/" + r.calendar() + "/events")));
		// weddings, participants, events
		cases.put("POST /api/weddings", (r) -> notFound(this.tenantB.post("/api/weddings",
				Map.of("tenantId", A, "title", "Stolen", "timeZone", "Europe/London"))));
		cases.put("GET /api/weddings/{id}", (r) -> notFound(this.tenantB.get("/api/weddings/" + r.wedding())));
		cases.put("POST /api/weddings/{id}/participants",
				(r) -> notFound(this.tenantB.post("/api/weddings/" + r.wedding() + "/participants",
						Map.of("calendarId", r.calendar().toString(), "role", "VENDOR"))));
		cases.put("DELETE /api/weddings/{id}/participants/{calendarId}",
				(r) -> notFound(this.tenantB.delete("/api/weddings/" + r.wedding() + "/participants/" + r.calendar())));
		cases.put("POST /api/weddings/{id}/events",
				(r) -> notFound(this.tenantB.post("/api/weddings/" + r.wedding() + "/events", ceremony())));
		cases.put("GET /api/weddings/{id}/events",
				(r) -> notFound(this.tenantB.get("/api/weddings/" + r.wedding() + "/events")));
		cases.put("GET /api/events/{id}", (r) -> notFound(this.tenantB.get("/api/events/" + r.event())));
		cases.put("PATCH /api/events/{id}",
				(r) -> notFound(this.tenantB.patch("/api/events/" + r.event(), Map.of("summary", "Hijacked"))));
		cases.put("DELETE /api/events/{id}", (r) -> notFound(this.tenantB.delete("/api/events/" + r.event())));
		// webhooks: subscriptions and endpoints are A's; a notice needs the
		// subscription's
		// signature, not a token
		cases.put("POST /api/integrations/{integrationId}/webhook-subscriptions",
				(r) -> notFound(this.tenantB.post("/api/integrations/" + r.integration() + "/webhook-subscriptions",
						Map.of("description", "mine now"))));
		cases.put("GET /api/integrations/{integrationId}/webhook-subscriptions",
				(r) -> notFound(this.tenantB.get("/api/integrations/" + r.integration() + "/webhook-subscriptions")));
		cases.put("DELETE /api/integrations/{integrationId}/webhook-subscriptions/{subscriptionId}",
				(r) -> notFound(this.tenantB
					.delete("/api/integrations/" + r.integration() + "/webhook-subscriptions/" + r.subscription())));
		cases.put("POST /api/webhooks/caldav/{subscriptionId}", (r) -> problem(this.tenantB.post(
				"/api/webhooks/caldav/" + r.subscription(),
				Map.of("deliveryId", "forged", "calendarUrl", "https://dav.example.com/cal/", "changeType", "updated")),
				401));
		cases.put("POST /api/webhook-endpoints", (r) -> notFound(this.tenantB.post("/api/webhook-endpoints",
				Map.of("tenantId", A, "url", "https://hooks.tenant-a.invalid/stolen"))));
		cases.put("GET /api/webhook-endpoints",
				(r) -> notFound(this.tenantB.get("/api/webhook-endpoints?tenantId=" + A)));
		cases.put("GET /api/webhook-endpoints/{id}",
				(r) -> notFound(this.tenantB.get("/api/webhook-endpoints/" + r.endpoint())));
		cases.put("DELETE /api/webhook-endpoints/{id}",
				(r) -> notFound(this.tenantB.delete("/api/webhook-endpoints/" + r.endpoint())));
		cases.put("GET /api/webhook-endpoints/{id}/deliveries",
				(r) -> notFound(this.tenantB.get("/api/webhook-endpoints/" + r.endpoint() + "/deliveries")));
		// operator endpoints
		UUID any = UUID.randomUUID();
		cases.put("GET /api/tenants/{tenantId}/tokens",
				(r) -> forbidden(this.tenantB.get("/api/tenants/" + A + "/tokens")));
		cases.put("POST /api/tenants/{tenantId}/tokens",
				(r) -> forbidden(this.tenantB.post("/api/tenants/" + A + "/tokens", Map.of("name", "mine now"))));
		cases.put("DELETE /api/tenants/{tenantId}/tokens/{id}",
				(r) -> forbidden(this.tenantB.delete("/api/tenants/" + A + "/tokens/" + any)));
		cases.put("GET /api/dead-letters", (r) -> forbidden(this.tenantB.get("/api/dead-letters")));
		cases.put("GET /api/dead-letters/{id}", (r) -> forbidden(this.tenantB.get("/api/dead-letters/" + any)));
		cases.put("POST /api/dead-letters/{id}/replay",
				(r) -> forbidden(this.tenantB.post("/api/dead-letters/" + any + "/replay", Map.of())));
		cases.put("POST /api/dead-letters/{id}/discard",
				(r) -> forbidden(this.tenantB.post("/api/dead-letters/" + any + "/discard", Map.of())));
		cases.put("POST /api/admin/credential-key-rotation",
				(r) -> forbidden(this.tenantB.post("/api/admin/credential-key-rotation", Map.of())));
		return cases;
	}

	/** "METHOD /pattern" of every handler under /api. */
	private Set<String> apiEndpoints() {
		Set<String> endpoints = new TreeSet<>();
		this.mappings.getHandlerMethods().keySet().forEach((info) -> {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/")) {
					info.getMethodsCondition().getMethods().forEach((method) -> endpoints.add(method + " " + pattern));
				}
			}
		});
		assertThat(endpoints).as("endpoints found").hasSizeGreaterThan(20);
		return endpoints;
	}

	private static Response notFound(Response response) {
		return problem(response, 404);
	}

	private static Response forbidden(Response response) {
		return problem(response, 403);
	}

	private static Response problem(Response response, int status) {
		response.expect(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		return response;
	}

	private static Response without(Response response, UUID id) {
		response.expect(200);
		assertThat(response.text()).doesNotContain(id.toString());
		return response;
	}

	private static Response empty(Response response) {
		response.expect(200);
		assertThat(response.body().size()).isZero();
		return response;
	}

	/**
	 * Everything of tenant A a request could change, as one comparable text.
	 */
	private String fingerprintOfA() {
		List<String> rows = new ArrayList<>();
		for (String sql : List.of(
				"SELECT id, status, poll_interval_s, updated_at, credential_key_id FROM integration "
						+ "WHERE tenant_id = 'tenant-a'",
				"SELECT id, status, deletions_confirmed_at FROM calendar ORDER BY id",
				"SELECT id, title, updated_at FROM wedding WHERE tenant_id = 'tenant-a'",
				"SELECT wedding_id, calendar_id, role FROM participant ORDER BY calendar_id",
				"SELECT id, summary, version, deleted FROM wedding_event WHERE tenant_id = 'tenant-a' ORDER BY id",
				"SELECT id, status FROM sync_run ORDER BY id", "SELECT count(*) FROM sync_conflict",
				"SELECT count(*) FROM tenant_token WHERE tenant_id = 'tenant-a' AND revoked_at IS NULL",
				"SELECT id FROM webhook_subscription ORDER BY id", "SELECT id, url FROM webhook_endpoint ORDER BY id",
				"SELECT count(*) FROM webhook_inbox", "SELECT count(*) FROM webhook_outbox")) {
			rows.add(this.jdbc.queryForList(sql).toString());
		}
		return String.join("\n", rows);
	}

	private Resources resourcesOf(String tenant) {
		UUID integration = this.integrations
			.create(tenant, Provider.CALDAV, URI.create("https://dav.example.com/"), tenant + "-user",
					tenant + "-app-password", 300)
			.id();
		this.calendars.recordListing(integration, List.of(new RemoteCalendar(URI.create("/cal/" + tenant + "/"),
				"Weddings", null, "c1", null, Set.of("VEVENT"), true)));
		UUID calendar = this.calendars.findByIntegration(integration).get(0).id();
		CalSyncApi owner = this.admin;
		UUID wedding = id(owner
			.post("/api/weddings", Map.of("tenantId", tenant, "title", "Alice & Ben", "timeZone", "Europe/London"))
			.expect(201));
		owner
			.post("/api/weddings/" + wedding + "/participants",
					Map.of("calendarId", calendar.toString(), "role", "PLANNER"))
			.expect(201);
		UUID event = id(owner.post("/api/weddings/" + wedding + "/events", ceremony()).expect(201));
		UUID sync = this.syncRuns.claim(integration, SyncTrigger.MANUAL, SyncPriority.NORMAL, "test").run().id();
		this.conflicts.record(integration, event, calendar, "SUMMARY", "PLATFORM_WINS", "kept", "discarded");
		UUID subscription = id(owner
			.post("/api/integrations/" + integration + "/webhook-subscriptions", Map.of("description", "relay"))
			.expect(201));
		UUID endpoint = id(owner
			.post("/api/webhook-endpoints",
					Map.of("tenantId", tenant, "url", "https://hooks.wedsync.invalid/" + tenant))
			.expect(201));
		return new Resources(integration, calendar, wedding, event, sync, subscription, endpoint);
	}

	private static Map<String, Object> ceremony() {
		return Map.of("kind", "CEREMONY", "summary", "Ceremony", "start", "2026-06-20T15:00", "end",
				"2026-06-20T16:00");
	}

	private static UUID id(Response response) {
		return UUID.fromString(response.body().get("id").asString());
	}

	record Resources(UUID integration, UUID calendar, UUID wedding, UUID event, UUID sync, UUID subscription,
			UUID endpoint) {
	}

}
