package com.wedsync.calsync.batch;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An invitation (iTIP) puts one UID into the calendars of several people: here a planner
 * and a vendor of one tenant, each on an account of their own. Each holds their own copy:
 * the planner moving it on their phone changes the planner's view, not the vendor's, and
 * nothing is written to the vendor's calendar.
 */
@ApplicationTest
class InvitationCopiesFunctionalTests {

	private static final String TENANT = "tenant-invitations";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldKeepEachAccountsCopyOfAnInvitationItsOwn() {
		CalSyncApi api = new CalSyncApi(this.port);
		List<CalDavTestServer> accounts = CalDavTestServers.radicaleAccounts(2);
		CalDavTestServer planner = accounts.get(0);
		CalDavTestServer vendor = accounts.get(1);
		URI plannerCalendar = planner.createCalendar("weddings");
		URI vendorCalendar = vendor.createCalendar("bookings");
		planner.putEvent(plannerCalendar, "invite-0.ics", invitation("20270410T110000Z", "20270410T120000Z"));
		vendor.putEvent(vendorCalendar, "invite-0.ics", invitation("20270410T110000Z", "20270410T120000Z"));
		UUID plannerIntegration = api.connect(planner, TENANT);
		UUID vendorIntegration = api.connect(vendor, TENANT);
		sync(api, plannerIntegration);
		sync(api, vendorIntegration);
		String vendorCopy = vendor.getEvent(vendorCalendar.resolve("invite-0.ics"));

		// The planner moves the tasting an hour later on their phone.
		planner.putEvent(plannerCalendar, "invite-0.ics", invitation("20270410T120000Z", "20270410T130000Z"));
		sync(api, plannerIntegration);
		sync(api, vendorIntegration);

		assertThat(start(api, plannerIntegration)).isEqualTo("2027-04-10T12:00:00Z");
		assertThat(start(api, vendorIntegration)).isEqualTo("2027-04-10T11:00:00Z");
		assertThat(vendor.getEvent(vendorCalendar.resolve("invite-0.ics"))).isEqualTo(vendorCopy);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM wedding_event WHERE tenant_id = ? AND uid = ? AND deleted = FALSE", Integer.class,
				TENANT, "invite-0@wedsync-vendor.example"))
			.isEqualTo(2);
	}

	private String start(CalSyncApi api, UUID integration) {
		String calendar = this.jdbc.queryForObject("SELECT id FROM calendar WHERE integration_id = ?", String.class,
				integration);
		JsonNode events = api.get("/api/calendars/" + calendar + "/events").expect(200).body();
		assertThat(events).hasSize(1);
		return events.get(0).get("start").asString();
	}

	private static void sync(CalSyncApi api, UUID integration) {
		JsonNode report = api.syncAndWait(integration);
		assertThat(report.get("status").asString()).as(report.toString()).isEqualTo("COMPLETED");
	}

	/** As Google writes an invitation its organiser sent to two guests. */
	private static String invitation(String start, String end) {
		return """
				BEGIN:VCALENDAR\r
				VERSION:2.0\r
				PRODID:-//Google Inc//Google Calendar 70.9054//EN\r
				CALSCALE:GREGORIAN\r
				BEGIN:VEVENT\r
				UID:invite-0@wedsync-vendor.example\r
				DTSTAMP:20261201T090000Z\r
				DTSTART:%s\r
				DTEND:%s\r
				SUMMARY:Cake tasting\r
				LOCATION:Bakery\r
				ORGANIZER;CN=Bakery:mailto:orders@bakery.example\r
				ATTENDEE;CN=Pat Planner;PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT:mailto:pat@planner.example\r
				ATTENDEE;CN=Vic Vendor;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:vic@vendor.example\r
				SEQUENCE:0\r
				STATUS:CONFIRMED\r
				END:VEVENT\r
				END:VCALENDAR\r
				""".formatted(start, end);
	}

}
