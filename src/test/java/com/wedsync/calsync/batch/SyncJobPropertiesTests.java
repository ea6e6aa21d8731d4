package com.wedsync.calsync.batch;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.wedsync.calsync.ical.EventField;
import com.wedsync.calsync.ical.EventKind;
import com.wedsync.calsync.sync.plan.CalendarDeletes;
import com.wedsync.calsync.sync.plan.ConflictPolicy;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator-editable job settings bind as documented. */
class SyncJobPropertiesTests {

	@Test
	void shouldBindTheShippedJobSettings() throws Exception {
		PropertySource<?> shipped = new YamlPropertySourceLoader()
			.load("jobs", new FileSystemResource("jobs/calendar-sync.yml"))
			.get(0);
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(shipped);
		SyncJobProperties properties = Binder.get(environment).bind("calsync.sync", SyncJobProperties.class).get();

		assertThat(properties.applyChunkSize()).isEqualTo(500);
		assertThat(properties.conflictPolicy()).isEqualTo(ConflictPolicy.defaults());
	}

	@Test
	void shouldLetAnOperatorOpenCeremonyTimesToCalendarEdits() {
		Binder binder = new Binder(
				new MapConfigurationPropertySource(Map.of("calsync.sync.policy.CEREMONY.platform-authoritative",
						"SUMMARY,LOCATION", "calsync.sync.policy.MEETING.calendar-deletes", "REVERT")));

		ConflictPolicy policy = binder.bind("calsync.sync", SyncJobProperties.class).get().conflictPolicy();

		assertThat(policy.forKind(EventKind.CEREMONY).platformAuthoritative())
			.isEqualTo(Set.of(EventField.SUMMARY, EventField.LOCATION));
		assertThat(policy.forKind(EventKind.CEREMONY).calendarDeletes()).isEqualTo(CalendarDeletes.REVERT);
		assertThat(policy.forKind(EventKind.MEETING).calendarDeletes()).isEqualTo(CalendarDeletes.REVERT);
		assertThat(policy.forKind(EventKind.DEADLINE)).isEqualTo(ConflictPolicy.defaults().forKind(EventKind.DEADLINE));
	}

}
