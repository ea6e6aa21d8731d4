package com.wedsync.calsync.wedding;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.ical.EventKind;
import com.wedsync.calsync.ical.EventTiming;
import com.wedsync.calsync.support.EmbeddedDatabases;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sync needs of the event table, on the embedded H2 default (the API tests run
 * the same SQL on PostgreSQL).
 */
class WeddingEventRepositoryTests {

	private static final EventFields CEREMONY = new EventFields(EventKind.CEREMONY, "Ceremony", "Chapel", null,
			new EventTiming(Instant.parse("2026-06-20T14:00:00Z"), Instant.parse("2026-06-20T15:00:00Z"),
					"Europe/London", false, false),
			null, List.of());

	private WeddingEventRepository events;

	private Wedding wedding;

	@BeforeEach
	void setUp() {
		JdbcClient jdbc = JdbcClient.create(EmbeddedDatabases.migratedH2());
		this.events = new WeddingEventRepository(jdbc);
		this.wedding = new WeddingRepository(jdbc).create("acme", "A & B", LocalDate.of(2026, 6, 20), "Europe/London");
	}

	@Test
	void shouldUpdateFieldsBumpingTheVersionAndLockRows() {
		WeddingEvent created = this.events.insertPlatformEvent(this.wedding, "c@wedsync.app", CEREMONY, "ics-1", "h1",
				null);
		EventFields moved = new EventFields(EventKind.CEREMONY, "Ceremony", "Garden", "Bring umbrellas",
				new EventTiming(Instant.parse("2026-06-20T15:00:00Z"), Instant.parse("2026-06-20T16:00:00Z"),
						"Europe/London", false, false),
				"FREQ=DAILY;COUNT=2", List.of());

		WeddingEvent updated = this.events.updateFields(created.id(), moved, "ics-2", "h2");

		assertThat(updated.fields(new EventFields(null, null, null, null, null, null, List.of()))).isEqualTo(moved);
		assertThat(updated.version()).isEqualTo(2);
		assertThat(updated.icalendar()).isEqualTo("ics-2");
		assertThat(updated.contentHash()).isEqualTo("h2");
		assertThat(this.events.lockForUpdate(created.id())).contains(updated);
	}

	@Test
	void shouldListLiveEventsAndRestoreADeletedOne() {
		WeddingEvent ceremony = this.events.insertPlatformEvent(this.wedding, "c@wedsync.app", CEREMONY, "ics", "h",
				null);
		WeddingEvent arrival = this.events.insertPlatformEvent(this.wedding, "a@wedsync.app", CEREMONY, "ics", "h",
				new EventAnchor(ceremony.id(), Duration.ofMinutes(-120)));
		this.events.markDeleted(ceremony.id());

		assertThat(this.events.findLive(this.wedding.id())).extracting(WeddingEvent::id).containsExactly(arrival.id());
		assertThat(arrival.anchor()).isEqualTo(new EventAnchor(ceremony.id(), Duration.ofHours(-2)));
		assertThat(this.events.findAnchoredTo(ceremony.id())).extracting(WeddingEvent::id)
			.containsExactly(arrival.id());

		WeddingEvent restored = this.events.restore(ceremony.id(), CEREMONY, "ics-3", "h3");

		assertThat(restored.deleted()).isFalse();
		assertThat(restored.version()).isEqualTo(3);
		assertThat(this.events.findLive(this.wedding.id())).hasSize(2);
	}

}
