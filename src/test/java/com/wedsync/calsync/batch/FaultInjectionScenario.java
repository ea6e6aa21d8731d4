package com.wedsync.calsync.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.ical.CalendarObject;
import com.wedsync.calsync.ical.CalendarObjectParser;
import com.wedsync.calsync.observability.CalSyncMetrics;
import com.wedsync.calsync.support.CalDavWrites;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A two-way sync worth checking under faults, run the same way against any server URL in
 * front of one Radicale account: {@code imported} events already on the planner's
 * calendar, {@code platform} events of a wedding pushed to the planner's and the couple's
 * calendars, then a round of edits on both sides (platform edits and deletes, phone
 * edits), then a sync that should write nothing. Failed syncs are started again, as the
 * next trigger would. The outcome is comparable between runs: platform UIDs are
 * generated, so they appear as "platform".
 */
public final class FaultInjectionScenario {

	private static final int MAX_SYNCS_PER_ROUND = 6;

	private final CalSyncApi api;

	private final JdbcTemplate jdbc;

	private final MeterRegistry meters;

	private final CalendarObjectParser parser;

	private final CalDavTestServer radicale;

	private final List<String> failures = new ArrayList<>();

	public FaultInjectionScenario(CalSyncApi api, JdbcTemplate jdbc, MeterRegistry meters, CalendarObjectParser parser,
			CalDavTestServer radicale) {
		this.api = api;
		this.jdbc = jdbc;
		this.meters = meters;
		this.parser = parser;
		this.radicale = radicale;
	}

	public Outcome run(String tenant, URI serverUrl, int imported, int platform) {
		long started = System.nanoTime();
		double requestsBefore = sum(CalSyncMetrics.CALDAV_REQUESTS);
		double retriesBefore = sum(CalSyncMetrics.CALDAV_RETRIES);
		this.radicale.removeAllCalendars();
		URI planner = this.radicale.createCalendar("planner");
		URI couple = this.radicale.createCalendar("couple");
		URI phone = this.radicale.createCalendar("phone");
		seed(imported);
		UUID integration = this.api.connect(this.radicale, serverUrl, tenant);
		syncUntilCompleted(integration);

		String wedding = this.api
			.post("/api/weddings", Map.of("tenantId", tenant, "title", "Fault & Tolerance", "weddingDate", "2027-06-12",
					"timeZone", "Europe/London"))
			.expect(201)
			.body()
			.get("id")
			.asString();
		List<String> kinds = List.of("CEREMONY", "MEETING", "DEADLINE", "OTHER");
		participant(wedding, integration, "planner", "PLANNER", kinds);
		participant(wedding, integration, "couple", "COUPLE", kinds);
		// The phone's calendar is synced (its events imported) and shows only deadlines.
		participant(wedding, integration, "phone", "TEAM", List.of("DEADLINE"));
		List<String> platformIds = new ArrayList<>();
		for (int i = 0; i < platform; i++) {
			LocalDate day = LocalDate.of(2027, 1, 1).plusDays(i);
			platformIds.add(
					this.api
						.post("/api/weddings/" + wedding + "/events",
								Map.of("kind", kinds.get(i % kinds.size()), "summary", "Platform " + i, "start",
										day + "T10:00", "end", day + "T11:00"))
						.expect(201)
						.body()
						.get("id")
						.asString());
		}
		syncUntilCompleted(integration);

		int edits = Math.max(1, Math.min(platform, imported) / 10);
		for (int i = 0; i < edits; i++) {
			this.api.patch("/api/events/" + platformIds.get(i), Map.of("summary", "Platform " + i + " (edited)"))
				.expect(200);
			this.api.delete("/api/events/" + platformIds.get(platform - 1 - i)).expect(204);
			this.radicale.putEvent(phone, fileName(i), seededEvent(i, "edited on a phone"));
		}
		syncUntilCompleted(integration);

		double writesBefore = writes();
		syncUntilCompleted(integration);
		double writesOfLastSync = writes() - writesBefore;

		Map<String, TreeSet<String>> server = new TreeMap<>();
		server.put("planner", serverState(planner));
		server.put("couple", serverState(couple));
		server.put("phone", serverState(phone));
		return new Outcome(server, databaseState(tenant), writesOfLastSync, List.copyOf(this.failures),
				Duration.ofNanos(System.nanoTime() - started), sum(CalSyncMetrics.CALDAV_REQUESTS) - requestsBefore,
				sum(CalSyncMetrics.CALDAV_RETRIES) - retriesBefore);
	}

	/**
	 * Syncs until one completes; a failed one is restarted, as an operator or the next
	 * trigger would.
	 */
	private void syncUntilCompleted(UUID integration) {
		JsonNode report = this.api.syncAndWait(integration);
		for (int i = 1; !report.get("status").asString().equals("COMPLETED"); i++) {
			this.failures.add(report.get("status").asString() + " " + report.get("exitCode").asString());
			if (i == MAX_SYNCS_PER_ROUND) {
				throw new AssertionError("no completed sync in " + i + " attempts: " + report);
			}
			JsonNode restarted = this.api.post("/api/syncs/" + report.get("syncId").asString() + "/restart", Map.of())
				.expect(202)
				.body();
			report = this.api.awaitEnd(restarted.get("syncId").asString());
		}
	}

	private void participant(String wedding, UUID integration, String calendar, String role, List<String> kinds) {
		this.api
			.post("/api/weddings/" + wedding + "/participants",
					Map.of("calendarId", calendarId(integration, calendar), "role", role, "kinds", kinds))
			.expect(201);
	}

	private String calendarId(UUID integration, String name) {
		return this.jdbc.queryForObject(
				"SELECT CAST(id AS VARCHAR) FROM calendar WHERE integration_id = ? AND href LIKE ?", String.class,
				integration, "%/" + name + "/");
	}

	/** UID (imported only), summary and start of each event on a calendar. */
	private TreeSet<String> serverState(URI calendar) {
		TreeSet<String> state = new TreeSet<>();
		for (String ics : this.radicale.events(calendar).values()) {
			CalendarObject event = this.parser.parse(ics);
			state.add(line(event.uid(), event.summary(), event.timing().start().toString()));
		}
		return state;
	}

	private TreeSet<String> databaseState(String tenant) {
		return new TreeSet<>(this.jdbc.query(
				"SELECT uid, summary, start_at FROM wedding_event WHERE tenant_id = ? AND deleted = FALSE",
				(row, n) -> line(row.getString("uid"), row.getString("summary"),
						row.getTimestamp("start_at").toInstant().toString()),
				tenant));
	}

	private static String line(String uid, String summary, String start) {
		return (uid.startsWith("seed-") ? uid : "platform") + " | " + summary + " | " + start;
	}

	// Radicale's PUT slows as a collection grows: the imported events go straight into
	// its storage folder, as the pull benchmark does.
	private void seed(int count) {
		try {
			for (int i = 0; i < count; i++) {
				Files.writeString(this.radicale.homeFolder().resolve("phone").resolve(fileName(i)),
						seededEvent(i, "v1"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String fileName(int i) {
		return "seed-%05d.ics".formatted(i);
	}

	static String seededEvent(int i, String version) {
		String date = LocalDate.of(2028, 1, 1).plusDays(i % 700).toString().replace("-", "");
		return """
				BEGIN:VCALENDAR\r
				VERSION:2.0\r
				PRODID:-//calsync fault tests//EN\r
				BEGIN:VEVENT\r
				UID:seed-%d@wedsync.example\r
				DTSTAMP:20261130T090000Z\r
				DTSTART:%sT%02d0000Z\r
				DTEND:%sT%02d3000Z\r
				SUMMARY:Imported %d (%s)\r
				END:VEVENT\r
				END:VCALENDAR\r
				""".formatted(i, date, 8 + i % 10, date, 8 + i % 10, i, version);
	}

	private double writes() {
		return CalDavWrites.sent(this.meters);
	}

	private double sum(String counter) {
		return this.meters.find(counter).counters().stream().mapToDouble(Counter::count).sum();
	}

	/**
	 * What a run left behind and what it cost.
	 *
	 * @param server per calendar: "uid | summary | start" of each event
	 * @param database the same lines for the tenant's events
	 * @param writesOfLastSync PUT/DELETE requests of the sync after convergence
	 * @param failedSyncs status and exit code of each sync that had to be restarted
	 * @param requests CalDAV requests sent (attempts, retries included)
	 * @param retries attempts that were retries
	 */
	public record Outcome(Map<String, TreeSet<String>> server, TreeSet<String> database, double writesOfLastSync,
			List<String> failedSyncs, Duration wallTime, double requests, double retries) {

		/** The same events on the server and in the platform. */
		public boolean sameState(Outcome other) {
			return this.server.equals(other.server) && this.database.equals(other.database);
		}

	}

}
