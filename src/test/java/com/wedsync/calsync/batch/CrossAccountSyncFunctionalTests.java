package com.wedsync.calsync.batch;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.ical.CalendarObjectParser;
import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wedding's participants connect their own accounts. One sync writes a change to every
 * participant's calendar whatever account it is on; an account whose password stopped
 * working is marked AUTH_FAILED without failing the others' syncs, and gets the change
 * once its password is replaced.
 */
@ApplicationTest
class CrossAccountSyncFunctionalTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CalendarObjectParser parser;

	@Test
	void shouldReachEveryAccountAndSurviveOneWithABrokenPassword() {
		CalDavTestServer radicale = CalDavTestServers.radicale();
		radicale.removeAllCalendars();
		URI planner = radicale.createCalendar("planner-account");
		URI couple = radicale.createCalendar("couple-account");
		CalSyncApi api = new CalSyncApi(this.port);
		UUID plannerAccount = api.connect(radicale, "tenant-x");
		UUID coupleAccount = api.connect(radicale, "tenant-x");
		api.syncAndWait(plannerAccount);
		api.syncAndWait(coupleAccount);
		String wedding = api
			.post("/api/weddings",
					Map.of("tenantId", "tenant-x", "title", "X", "weddingDate", "2027-06-12", "timeZone", "UTC"))
			.expect(201)
			.body()
			.get("id")
			.asString();
		participant(api, wedding, plannerAccount, planner, "PLANNER");
		participant(api, wedding, coupleAccount, couple, "COUPLE");
		api.patch("/api/integrations/" + coupleAccount, Map.of("password", "no-longer-valid")).expect(200);
		api.post("/api/weddings/" + wedding + "/events", Map.of("kind", "MEETING", "summary", "Photographer call",
				"start", "2027-05-02T10:00", "end", "2027-05-02T10:30"))
			.expect(201);

		JsonNode sync = api.syncAndWait(plannerAccount);

		assertThat(sync.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(summaries(radicale, planner)).containsExactly("Photographer call");
		assertThat(summaries(radicale, couple)).isEmpty();
		assertThat(api.get("/api/integrations/" + coupleAccount).expect(200).body().get("status").asString())
			.isEqualTo("AUTH_FAILED");

		api.patch("/api/integrations/" + coupleAccount, Map.of("password", radicale.password())).expect(200);
		assertThat(api.syncAndWait(coupleAccount).get("status").asString()).isEqualTo("COMPLETED");

		assertThat(summaries(radicale, couple)).containsExactly("Photographer call");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM sync_outbox", Integer.class)).isZero();
	}

	private void participant(CalSyncApi api, String wedding, UUID integration, URI calendar, String role) {
		String calendarId = this.jdbc.queryForObject("SELECT id FROM calendar WHERE integration_id = ? AND href = ?",
				String.class, integration, calendar.toString());
		api.post("/api/weddings/" + wedding + "/participants", Map.of("calendarId", calendarId, "role", role))
			.expect(201);
	}

	private List<String> summaries(CalDavTestServer server, URI calendar) {
		return server.events(calendar).values().stream().map((ics) -> this.parser.parse(ics).summary()).toList();
	}

}
