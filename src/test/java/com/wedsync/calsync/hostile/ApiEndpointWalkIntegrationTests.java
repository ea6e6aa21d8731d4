package com.wedsync.calsync.hostile;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint the application maps, found from its handler mappings (so one added
 * later is walked too), called with a corpus of bad path values, query values and bodies,
 * and every field of every request body replaced in turn with each bad value. No answer
 * may be a 5xx, and every 4xx is a problem detail.
 */
@ApplicationTest
class ApiEndpointWalkIntegrationTests {

	private static final List<String> PATH_VALUES = List.of("not-a-uuid", UUID.randomUUID().toString(), "%20%27%22",
			"x".repeat(300), "9223372036854775808", "..%2Fx", "%E0%A4%A");

	private static final String TENANT = "tenant-walk";

	/**
	 * Operator endpoints; the others are called with a tenant token, which costs no
	 * bcrypt check.
	 */
	private static final Pattern ADMIN_ONLY = Pattern.compile("/api/(tenants|dead-letters|admin)/.*");

	private static final List<String> BODIES = List.of("", "null", "[]", "{", "\"text\"", "1e999999", "[".repeat(5000),
			"{\"unknown\":\"\\u0000\"}", "{\"a\":" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2001));

	private static final List<Object> FIELD_VALUES = Arrays.asList(null, "", " ", "\u0000", "a\u0007b",
			"x".repeat(5000), "+999999999-12-31T10:00", "+99999-06-20", "0000-01-01", "3000-01-01T10:00",
			"2027-02-30T10:00", Long.MAX_VALUE, Long.MIN_VALUE, -1, 0, 1.5e308, true, List.of(), Map.of(),
			Arrays.asList((Object) null), "FREQ=DAILY;INTERVAL=0", "Mars/Olympus", "' OR 1=1 --", "../../etc/passwd",
			"http://169.254.169.254/", UUID.randomUUID().toString());

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final List<String> failures = new ArrayList<>();

	private int requests;

	private String admin;

	private String tenantToken;

	@BeforeEach
	void credentials() {
		CalSyncApi api = new CalSyncApi(this.port);
		this.admin = api.authorization();
		this.tenantToken = "Bearer " + api.issueTenantToken(TENANT);
	}

	@Test
	@Timeout(600)
	void shouldAnswerEveryEndpointWithoutAServerErrorWhateverThePathQueryAndBody() {
		Set<String> walked = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.mappings.getHandlerMethods().entrySet()) {
			for (String pattern : mapping.getKey().getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
					walked.add(method + " " + pattern);
					for (String value : PATH_VALUES) {
						String path = VARIABLE.matcher(pattern).replaceAll(Matcher.quoteReplacement(value));
						if (method == RequestMethod.POST || method == RequestMethod.PATCH) {
							BODIES.forEach((body) -> call(method.name(), path, body));
						}
						else {
							call(method.name(), path, null);
							for (String parameter : requestParameters(mapping.getValue())) {
								call(method.name(), path + "?" + parameter + "=" + value, null);
							}
						}
					}
				}
			}
		}

		assertThat(walked).as("the API's endpoints").hasSizeGreaterThan(35);
		System.out.printf("Walked %d endpoints with %d requests%n", walked.size(), this.requests);
		assertThat(this.failures).as("answers that are 5xx or not problem details").isEmpty();
	}

	@Test
	@Timeout(600)
	void shouldAnswerEveryBadFieldOfEveryRequestBodyWithoutAServerError() {
		CalSyncApi api = new CalSyncApi(this.port);
		String tenant = TENANT;
		String wedding = api
			.post("/api/weddings",
					Map.of("tenantId", tenant, "title", "Walk", "weddingDate", "2027-06-12", "timeZone", "UTC"))
			.expect(201)
			.body()
			.get("id")
			.asString();
		Map<String, Object> series = new LinkedHashMap<>(Map.of("kind", "CEREMONY", "summary", "Ceremony", "location",
				"Hall", "description", "Vows", "start", "2027-06-12T15:00", "end", "2027-06-12T16:00", "timeZone",
				"Europe/London", "recurrenceRule", "FREQ=YEARLY;COUNT=3", "exclusions", List.of("2028-06-12T15:00"),
				"additions", List.of("2027-07-12T15:00")));
		series.putAll(Map.of("status", "CONFIRMED", "url", "https://example.com/call", "transparency", "OPAQUE",
				"classification", "PUBLIC", "allDay", false, "overrides",
				List.of(Map.of("recurrenceId", "2029-06-12T15:00", "start", "2029-06-12T16:00", "end",
						"2029-06-12T17:00", "summary", "Moved", "status", "TENTATIVE", "cancelled", false))));
		String event = api.post("/api/weddings/" + wedding + "/events", series).expect(201).body().get("id").asString();
		UUID integration = api.connect(CalDavTestServers.radicale(), tenant);
		Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();
		bodies.put("POST /api/weddings",
				Map.of("tenantId", tenant, "title", "Walk", "weddingDate", "2027-06-12", "timeZone", "UTC"));
		bodies.put("POST /api/weddings/" + wedding + "/events", series);
		bodies.put("POST /api/weddings/" + wedding + "/events#anchored",
				Map.of("kind", "MEETING", "summary", "Toast", "start", "2027-06-12T17:00", "end", "2027-06-12T17:30",
						"anchor", Map.of("eventId", event, "offsetMinutes", 120)));
		bodies.put("PATCH /api/events/" + event, series);
		bodies.put("POST /api/weddings/" + wedding + "/participants",
				Map.of("calendarId", UUID.randomUUID().toString(), "role", "PLANNER", "kinds", List.of("MEETING")));
		bodies.put("POST /api/integrations", Map.of("tenantId", tenant, "provider", "CALDAV", "serverUrl",
				"https://caldav.icloud.com/", "username", "u", "password", "app-pw", "pollIntervalSeconds", 600));
		bodies.put("PATCH /api/integrations/" + integration,
				Map.of("status", "ACTIVE", "pollIntervalSeconds", 600, "password", "app-pw"));
		bodies.put("POST /api/integrations/" + integration + "/webhook-subscriptions", Map.of("description", "phone"));
		bodies.put("POST /api/webhook-endpoints",
				Map.of("tenantId", tenant, "url", "https://example.com/hook", "events", List.of("sync.completed")));
		bodies.put("POST /api/tenants/" + tenant + "/tokens", Map.of("name", "phone"));

		bodies.forEach((endpoint, body) -> {
			String[] target = endpoint.replaceAll("#.*", "").split(" ");
			for (Map<String, Object> mutant : mutants(body)) {
				call(target[0], target[1], this.json.writeValueAsString(mutant));
			}
		});

		System.out.printf("Mutated %d bodies with %d requests%n", bodies.size(), this.requests);
		assertThat(this.requests).isGreaterThan(1000);
		assertThat(this.failures).as("answers that are 5xx or not problem details").isEmpty();
	}

	/** The body with each field, at any depth, replaced by each bad value in turn. */
	private static List<Map<String, Object>> mutants(Map<String, Object> body) {
		List<Map<String, Object>> mutants = new ArrayList<>();
		for (String key : body.keySet()) {
			for (Object bad : FIELD_VALUES) {
				Map<String, Object> copy = new LinkedHashMap<>(body);
				copy.put(key, bad);
				mutants.add(copy);
			}
			Object value = body.get(key);
			List<Map<String, Object>> nested = (value instanceof Map<?, ?> map) ? mutants(cast(map))
					: (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first)
							? mutants(cast(first)) : List.of();
			for (Map<String, Object> inner : nested) {
				Map<String, Object> copy = new LinkedHashMap<>(body);
				copy.put(key, (value instanceof Map<?, ?>) ? inner : List.of(inner));
				mutants.add(copy);
			}
		}
		return mutants;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cast(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}

	private static List<String> requestParameters(HandlerMethod handler) {
		return Arrays.stream(handler.getMethodParameters())
			.filter((parameter) -> parameter.hasParameterAnnotation(RequestParam.class))
			.map((parameter) -> parameter.getParameterName())
			.toList();
	}

	private void call(String method, String path, String body) {
		this.requests++;
		HttpRequest.Builder request;
		try {
			request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		}
		catch (IllegalArgumentException ex) {
			// Not a URI any HTTP client would send.
			return;
		}
		request.timeout(Duration.ofSeconds(30))
			.header("Authorization", ADMIN_ONLY.matcher(path).matches() ? this.admin : this.tenantToken)
			.header("Content-Type", "application/json")
			.method(method, (body == null) ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
		try {
			HttpResponse<String> response = this.http.send(request.build(), BodyHandlers.ofString());
			int status = response.statusCode();
			String type = response.headers().firstValue("Content-Type").orElse("");
			if (status >= 500 || (status >= 400 && !type.startsWith("application/problem+json"))) {
				this.failures.add(method + " " + abbreviate(path) + " " + abbreviate(String.valueOf(body)) + " -> "
						+ status + " " + abbreviate(response.body()));
			}
		}
		catch (IOException ex) {
			this.failures.add(method + " " + abbreviate(path) + " -> " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String abbreviate(String text) {
		return (text.length() > 160) ? text.substring(0, 160) + "…" : text;
	}

}
