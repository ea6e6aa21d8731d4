package com.wedsync.calsync.fidelity;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.fidelity.ConvergenceHistory.PhoneEdit;
import com.wedsync.calsync.fidelity.ConvergenceHistory.PlatformEdit;
import com.wedsync.calsync.fidelity.ConvergenceHistory.Step;
import com.wedsync.calsync.fidelity.ConvergenceHistory.Sync;
import com.wedsync.calsync.support.CalDavWrites;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.support.FidelityCorpus;
import com.wedsync.calsync.support.Occurrences;
import com.wedsync.calsync.support.Occurrences.Occurrence;
import com.wedsync.calsync.testpeers.CalDavTestServer;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs one {@link ConvergenceHistory} on the real service and a real server: a new
 * wedding whose three participant calendars hold a weekly series and a ceremony, the
 * history's edits and syncs, then a sync. It converged when every calendar shows every
 * live event of the wedding with the platform's occurrences and nothing else, and a
 * further sync writes nothing.
 */
final class ConvergenceRun {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	/** Mondays 18:00 in London from 1 March 2027, six of them (BST from the fifth). */
	private static final LocalDateTime FIRST_LESSON = LocalDateTime.parse("2027-03-01T18:00");

	private static final int LESSONS = 6;

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

	private static final ZonedDateTime FROM = ZonedDateTime.parse("2027-01-01T00:00:00Z");

	private static final ZonedDateTime TO = ZonedDateTime.parse("2029-01-01T00:00:00Z");

	private final CalSyncApi api;

	private final CalDavTestServer server;

	private final JdbcTemplate jdbc;

	private final MeterRegistry meters;

	private final Map<String, URI> calendars = new LinkedHashMap<>();

	private final Map<String, String> eventIds = new HashMap<>();

	private final Map<String, String> uids = new HashMap<>();

	private UUID integration;

	private String wedding;

	private int splits;

	ConvergenceRun(CalSyncApi api, CalDavTestServer server, JdbcTemplate jdbc, MeterRegistry meters) {
		this.api = api;
		this.server = server;
		this.jdbc = jdbc;
		this.meters = meters;
	}

	/** What went wrong, or empty when the history converged. */
	Optional<String> run(ConvergenceHistory history) {
		try {
			given();
			for (Step step : history.steps()) {
				apply(step);
			}
			sync();
			Optional<String> disagreement = disagreement();
			if (disagreement.isPresent()) {
				return disagreement;
			}
			double before = CalDavWrites.sent(this.meters);
			sync();
			double writes = CalDavWrites.sent(this.meters) - before;
			return (writes == 0) ? Optional.empty()
					: Optional.of("a sync after convergence wrote " + (long) writes + " times");
		}
		catch (RuntimeException | AssertionError ex) {
			return Optional.of(ex.toString());
		}
	}

	private void given() {
		ParticipantCalendars wedding = ParticipantCalendars.create(this.api, this.server, this.jdbc,
				ConvergenceHistory.CALENDARS);
		this.integration = wedding.integration();
		this.wedding = wedding.wedding();
		this.calendars.putAll(wedding.calendars());
		create("lessons",
				Map.of("kind", "MEETING", "summary", "Dance lesson", "location", "Studio", "start",
						FIRST_LESSON.toString(), "end", FIRST_LESSON.plusHours(1).toString(), "recurrenceRule",
						"FREQ=WEEKLY;COUNT=" + LESSONS));
		create("ceremony", Map.of("kind", "CEREMONY", "summary", "Ceremony", "location", "St Mary's", "start",
				"2027-06-12T14:00", "end", "2027-06-12T15:00"));
		sync();
	}

	private void create(String name, Map<String, Object> body) {
		JsonNode created = this.api.post("/api/weddings/" + this.wedding + "/events", body).expect(201).body();
		this.eventIds.put(name, created.get("id").asString());
		this.uids.put(name, created.get("uid").asString());
	}

	private void apply(Step step) {
		if (step instanceof Sync) {
			sync();
		}
		else if (step instanceof PlatformEdit edit) {
			onThePlatform(edit);
		}
		else if (step instanceof PhoneEdit edit) {
			onAPhone(edit);
		}
	}

	private void onThePlatform(PlatformEdit edit) {
		String path = "/api/events/" + this.eventIds.get(edit.event());
		JsonNode event = this.api.get(path).expect(200).body();
		if (event.get("deleted").asBoolean()) {
			return;
		}
		switch (edit.edit()) {
			case SUMMARY -> this.api.patch(path, Map.of("summary", "Lesson " + edit.value())).expect(200);
			case LOCATION -> this.api.patch(path, Map.of("location", edit.value())).expect(200);
			case STATUS -> this.api.patch(path, Map.of("status", edit.value())).expect(200);
			case DELETE -> this.api.delete(path).expect(204);
			case DELETE_OCCURRENCE -> {
				if (event.hasNonNull("recurrence")) {
					List<String> exclusions = new ArrayList<>();
					event.get("recurrence")
						.get("exclusions")
						.forEach((instant) -> exclusions
							.add(LocalDateTime.ofInstant(Instant.parse(instant.asString()), LONDON).toString()));
					exclusions.add(FIRST_LESSON.plusWeeks(edit.occurrence()).toString());
					this.api.patch(path, Map.of("exclusions", exclusions)).expect(200);
				}
			}
			default -> throw new IllegalArgumentException("the platform cannot " + edit.edit());
		}
	}

	private void onAPhone(PhoneEdit edit) {
		URI calendar = this.calendars.get(edit.calendar());
		String uid = this.uids.get(edit.event());
		Optional<Map.Entry<URI, String>> copy = this.server.events(calendar)
			.entrySet()
			.stream()
			.filter((e) -> FidelityCorpus.uidOf(e.getValue()).equals(uid))
			.findFirst();
		if (copy.isEmpty()) {
			return; // deleted there already
		}
		URI href = copy.get().getKey();
		String ics = PhoneEdits.unfold(copy.get().getValue());
		boolean series = PhoneEdits.masterValue(ics, "RRULE").filter((rule) -> rule.contains("COUNT=")).isPresent();
		Instant now = Instant.now();
		LocalDateTime local = FIRST_LESSON.plusWeeks(edit.occurrence());
		Instant occurrence = local.atZone(LONDON).toInstant();
		// in the master's DTSTART form, as iOS writes them: ical4j matches occurrences by
		// the form they are written in, not by instant
		String inLondon = ";TZID=Europe/London:" + local.format(LOCAL);
		String edited = switch (edit.edit()) {
			case SUMMARY -> PhoneEdits.setOnMaster(ics, "SUMMARY", "Lesson " + edit.value(), now);
			case LOCATION -> PhoneEdits.setOnMaster(ics, "LOCATION", edit.value(), now);
			case STATUS -> PhoneEdits.setOnMaster(ics, "STATUS", edit.value(), now);
			case DELETE_OCCURRENCE -> series ? PhoneEdits.addToMaster(ics, "EXDATE" + inLondon, now) : ics;
			case MOVE_OCCURRENCE -> series ? PhoneEdits.addOverride(ics, uid, "RECURRENCE-ID" + inLondon,
					occurrence.plusSeconds(3600), "Lesson (moved)", edit.value(), now) : ics;
			case SPLIT -> series ? split(calendar, ics, occurrence, edit.occurrence(), now) : ics;
			case DELETE -> null;
		};
		String name = href.getPath().substring(href.getPath().lastIndexOf('/') + 1);
		if (edited == null) {
			this.server.deleteEvent(href);
		}
		else if (!edited.equals(ics)) {
			this.server.putEvent(calendar, name, edited);
		}
	}

	private String split(URI calendar, String ics, Instant from, int occurrence, Instant now) {
		String newUid = "split-" + (++this.splits) + "-" + UUID.randomUUID() + "@icloud.example";
		String[] parts = PhoneEdits.split(ics, newUid, from, LESSONS - occurrence, now);
		this.server.putEvent(calendar, newUid.replaceAll("[^A-Za-z0-9.-]", "_") + ".ics", parts[1]);
		return parts[0];
	}

	private void sync() {
		JsonNode report = this.api.syncAndWait(this.integration);
		String status = report.get("status").asString();
		if (!"COMPLETED".equals(status) || report.get("counts").get("deadLettered").asInt() != 0) {
			throw new AssertionError("sync ended " + status + ": " + report);
		}
	}

	/** The first difference between a calendar and the platform, if any. */
	private Optional<String> disagreement() {
		Map<String, SortedSet<Occurrence>> platform = new HashMap<>();
		this.jdbc
			.queryForList("SELECT uid, ics FROM wedding_event WHERE wedding_id = CAST(? AS UUID) AND deleted = FALSE",
					this.wedding)
			.forEach((row) -> platform.put((String) row.get("uid"), Occurrences.of((String) row.get("ics"), FROM, TO)));
		for (Map.Entry<String, URI> calendar : this.calendars.entrySet()) {
			Map<String, List<String>> copies = new HashMap<>();
			this.server.events(calendar.getValue())
				.values()
				.forEach((ics) -> copies.computeIfAbsent(FidelityCorpus.uidOf(ics), (uid) -> new ArrayList<>())
					.add(ics));
			if (!copies.keySet().equals(platform.keySet())) {
				return Optional.of(calendar.getKey() + " holds " + new TreeSet<>(copies.keySet())
						+ ", the platform's live events are " + new TreeSet<>(platform.keySet()));
			}
			for (Map.Entry<String, List<String>> copy : copies.entrySet()) {
				if (copy.getValue().size() != 1) {
					return Optional
						.of(calendar.getKey() + " holds " + copy.getKey() + " " + copy.getValue().size() + " times");
				}
				SortedSet<Occurrence> shown = Occurrences.of(copy.getValue().get(0), FROM, TO);
				if (!shown.equals(platform.get(copy.getKey()))) {
					return Optional.of(calendar.getKey() + " shows " + shown + " of " + copy.getKey()
							+ ", the platform " + platform.get(copy.getKey()));
				}
			}
		}
		return Optional.empty();
	}

}
