package com.wedsync.calsync.hostile;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What iCalendar or XML cannot carry is refused where it enters, with a problem naming
 * the field, and nothing of it is stored: control characters, years outside 1900 to 2200,
 * rules RFC 5545 forbids, offsets that overflow, tenant ids no URL can hold, a webhook
 * timestamp too large for a clock; and Tomcat's own 400s speak problem details too.
 */
@ApplicationTest
class ApiBoundaryValidationIntegrationTests {

	private static final String TENANT = "tenant-boundary";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private CalSyncApi api;

	private String wedding;

	@BeforeEach
	void wedding() {
		this.api = new CalSyncApi(this.port);
		this.wedding = this.api
			.post("/api/weddings", Map.of("tenantId", TENANT, "title", "Alice & Ben", "weddingDate", "2027-06-12",
					"timeZone", "Europe/London"))
			.expect(201)
			.body()
			.get("id")
			.asString();
	}

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource(delimiter = '|', value = { "summary|Cake\\u0000tasting|summary", "location|Hall\\u0007|location",
			"description|Line one\\u001bline two|description", "start|+999999999-12-31T10:00|start",
			"start|1899-12-31T10:00|start", "end|2201-01-01T10:00|end",
			"recurrenceRule|FREQ=DAILY;INTERVAL=0|recurrenceRule", "recurrenceRule|FREQ=DAILY;COUNT=-1|recurrenceRule",
			"recurrenceRule|FREQ=YEARLY;BYMONTH=13|recurrenceRule",
			"recurrenceRule|FREQ=DAILY;COUNT=3;UNTIL=20270101|recurrenceRule", "recurrenceRule|COUNT=3|recurrenceRule",
			"recurrenceRule|FREQ=WEEKLY;BYMONTHDAY=0|recurrenceRule",
			"recurrenceRule|FREQ=DAILY;UNTIL=99991231|recurrenceRule",
			"recurrenceRule|FREQ=DAILY;FREQ=WEEKLY|recurrenceRule",
			"recurrenceRule|FREQ=WEEKLY;BYDAY=2SA|recurrenceRule" })
	void shouldRefuseAnEventFieldCalendarsCannotCarryNamingIt(String field, String value, String named) {
		Map<String, Object> event = event();
		event.put(field, unescape(value));
		if (field.equals("start")) {
			event.put("end", "2027-06-12T16:00");
		}

		CalSyncApi.Response answer = this.api.post("/api/weddings/" + this.wedding + "/events", event);

		assertRefused(answer, named);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM wedding_event", Integer.class)).isZero();
	}

	@Test
	void shouldRefuseHalfASurrogatePair() {
		CalSyncApi.Response answer = this.api.postRaw("/api/weddings/" + this.wedding + "/events",
				"{\"kind\":\"CEREMONY\",\"summary\":\"half \\ud83d pair\",\"start\":\"2027-06-12T15:00\","
						+ "\"end\":\"2027-06-12T16:00\"}",
				this.api.authorization());

		assertRefused(answer, "summary");
	}

	@Test
	void shouldRefuseAllDayDatesOutsideTheYears() {
		Map<String, Object> event = event();
		event.putAll(Map.of("allDay", true, "start", "+99999-06-20", "end", "+99999-06-21"));

		assertRefused(this.api.post("/api/weddings/" + this.wedding + "/events", event), "start");
	}

	@Test
	void shouldRefuseAnOverrideThatIsNullOrOutsideTheYears() {
		Map<String, Object> nullOverride = event();
		nullOverride.put("recurrenceRule", "FREQ=YEARLY");
		List<Object> overrides = new ArrayList<>();
		overrides.add(null);
		nullOverride.put("overrides", overrides);
		assertRefused(this.api.post("/api/weddings/" + this.wedding + "/events", nullOverride), "overrides");

		Map<String, Object> farOverride = event();
		farOverride.put("recurrenceRule", "FREQ=YEARLY");
		farOverride.put("overrides", List
			.of(Map.of("recurrenceId", "3000-06-12T15:00", "start", "3000-06-12T16:00", "end", "3000-06-12T17:00")));
		assertRefused(this.api.post("/api/weddings/" + this.wedding + "/events", farOverride),
				"overrides.recurrenceId");
	}

	@Test
	void shouldRefuseAnAnchorOffsetThatOverflows() {
		String ceremony = this.api.post("/api/weddings/" + this.wedding + "/events", event())
			.expect(201)
			.body()
			.get("id")
			.asString();
		Map<String, Object> toast = event();
		toast.put("kind", "MEETING");
		toast.put("anchor", Map.of("eventId", ceremony, "offsetMinutes", Long.MAX_VALUE));

		assertRefused(this.api.post("/api/weddings/" + this.wedding + "/events", toast), "anchor.offsetMinutes");

		toast.put("anchor", Map.of("eventId", ceremony, "offsetMinutes", 6_000_000L));
		assertRefused(this.api.post("/api/weddings/" + this.wedding + "/events", toast), "anchor.offsetMinutes");
	}

	@Test
	void shouldRefuseAWeddingDateOutsideTheYearsAndATitleWithAControlCharacter() {
		assertRefused(
				this.api.post("/api/weddings",
						Map.of("tenantId", TENANT, "title", "x", "weddingDate", "3000-01-01", "timeZone", "UTC")),
				"weddingDate");
		assertRefused(this.api.post("/api/weddings",
				Map.of("tenantId", TENANT, "title", "Alice\u0001Ben", "timeZone", "UTC")), "title");
	}

	@ParameterizedTest(name = "tenant {0}")
	@CsvSource({ "a%20b", "a%22b", "%27", "a%2Fb" })
	void shouldRefuseATenantPathSegmentNoUrlCanHold(String tenant) {
		CalSyncApi.Response answer = this.api.post("/api/tenants/" + tenant + "/tokens", Map.of("name", "phone"));

		assertThat(answer.status()).as(answer.text()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tenant_token", Integer.class)).isZero();
	}

	@Test
	void shouldRefuseATenantIdLongerThanTheColumnOrWithASpace() {
		assertRefused(this.api.post("/api/tenants/" + "t".repeat(101) + "/tokens", Map.of("name", "phone")),
				"tenantId");
		assertRefused(
				this.api.post("/api/weddings", Map.of("tenantId", "t".repeat(101), "title", "x", "timeZone", "UTC")),
				"tenantId");
		assertRefused(this.api.post("/api/weddings", Map.of("tenantId", "a b", "title", "x", "timeZone", "UTC")),
				"tenantId");
	}

	@Test
	void shouldAnswerAWebhookTimestampBeyondAnyClockAsStaleNotAsAFailure() {
		UUID integration = this.api.connect(CalDavTestServers.radicale(), TENANT);
		String subscription = this.api
			.post("/api/integrations/" + integration + "/webhook-subscriptions", Map.of("description", "phone"))
			.expect(201)
			.body()
			.get("id")
			.asString();

		for (String signedAt : List.of("9223372036854775807", "-9223372036854775808")) {
			String answer = send("POST /api/webhooks/caldav/" + subscription + " HTTP/1.1\r\nHost: localhost\r\n"
					+ "X-Calsync-Timestamp: " + signedAt + "\r\nX-Calsync-Signature: v1=00\r\n"
					+ "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");

			assertThat(answer).startsWith("HTTP/1.1 401").contains("Stale").contains("application/problem+json");
		}
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM webhook_inbox", Integer.class)).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "encoded NUL, /api/integrations/%00", "encoded slash dot, /api/..%2F..%2Fetc", "long path, LONG" })
	void shouldAnswerTomcatsOwnRefusalsAsProblemDetails(String what, String path) {
		String target = path.equals("LONG") ? "/api/" + "x".repeat(20_000) : path;

		String answer = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(answer).contains("\"status\":400").doesNotContain("<html").doesNotContain("xxxxxxxx");
	}

	private static void assertRefused(CalSyncApi.Response answer, String field) {
		assertThat(answer.status()).as(answer.text()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body().get("errors").findValuesAsString("field")).as(answer.text()).contains(field);
		assertThat(answer.text()).doesNotContain("Exception");
	}

	private Map<String, Object> event() {
		return new HashMap<>(Map.of("kind", "CEREMONY", "summary", "Ceremony", "start", "2027-06-12T15:00", "end",
				"2027-06-12T16:00"));
	}

	private static String unescape(String value) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < value.length(); i++) {
			if (value.startsWith("\\u", i)) {
				text.append((char) Integer.parseInt(value.substring(i + 2, i + 6), 16));
				i += 5;
			}
			else {
				text.append(value.charAt(i));
			}
		}
		return text.toString();
	}

	private String send(String request) {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
