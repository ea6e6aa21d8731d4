package com.wedsync.calsync.fidelity;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wedding of a new tenant whose participants are new calendars of one account, each
 * showing every kind of event: what the fidelity and convergence tests sync.
 *
 * @param calendars the calendars by participant name, as created
 */
record ParticipantCalendars(String tenant, UUID integration, String wedding, Map<String, URI> calendars) {

	/** Removes the account's calendars, creates one per name, connects and syncs. */
	static ParticipantCalendars create(CalSyncApi api, CalDavTestServer server, JdbcTemplate jdbc, List<String> names) {
		String tenant = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
		server.removeAllCalendars();
		Map<String, URI> calendars = new LinkedHashMap<>();
		for (String name : names) {
			calendars.put(name, server.createCalendar(name + "-" + UUID.randomUUID().toString().substring(0, 6)));
		}
		UUID integration = api.connect(server, tenant);
		sync(api, integration);
		String wedding = api
			.post("/api/weddings", Map.of("tenantId", tenant, "title", "Alice & Ben", "weddingDate", "2027-06-12",
					"timeZone", "Europe/London"))
			.expect(201)
			.body()
			.get("id")
			.asString();
		for (String name : names) {
			String calendarId = jdbc.queryForObject("SELECT id FROM calendar WHERE integration_id = ? AND href = ?",
					String.class, integration, calendars.get(name).toString());
			api.post("/api/weddings/" + wedding + "/participants", Map.of("calendarId", calendarId, "role",
					name.toUpperCase(Locale.ROOT), "kinds", List.of("CEREMONY", "MEETING", "DEADLINE", "OTHER")))
				.expect(201);
		}
		return new ParticipantCalendars(tenant, integration, wedding, calendars);
	}

	/** A sync of the integration that completed and parked nothing. */
	JsonNode sync(CalSyncApi api) {
		return sync(api, this.integration);
	}

	private static JsonNode sync(CalSyncApi api, UUID integration) {
		JsonNode report = api.syncAndWait(integration);
		assertThat(report.get("status").asString()).as(report.toString()).isEqualTo("COMPLETED");
		assertThat(report.get("counts").get("deadLettered").asInt()).as(report.toString()).isZero();
		return report;
	}

}
