package com.wedsync.calsync.sync.plan;

import java.util.Map;
import java.util.Set;

import com.wedsync.calsync.ical.EventField;
import com.wedsync.calsync.ical.EventKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConflictPolicyTests {

	@Test
	void shouldProtectCeremonyTitlePlaceAndTimeByDefault() {
		ConflictPolicy policy = ConflictPolicy.defaults();

		assertThat(policy.forKind(EventKind.CEREMONY)).isEqualTo(
				new KindPolicy(Set.of(EventField.SUMMARY, EventField.LOCATION, EventField.TIMING, EventField.STATUS),
						CalendarDeletes.REVERT));
		for (EventKind kind : Set.of(EventKind.MEETING, EventKind.DEADLINE, EventKind.OTHER)) {
			assertThat(policy.forKind(kind)).isEqualTo(new KindPolicy(Set.of(), CalendarDeletes.ACCEPT));
		}
	}

	@Test
	void shouldKeepDefaultsForWhatIsNotConfigured() {
		ConflictPolicy policy = new ConflictPolicyProperties(
				Map.of(EventKind.DEADLINE, new KindPolicyProperties(Set.of(EventField.TIMING), null)))
			.toPolicy();

		assertThat(policy.forKind(EventKind.DEADLINE))
			.isEqualTo(new KindPolicy(Set.of(EventField.TIMING), CalendarDeletes.ACCEPT));
		assertThat(policy.forKind(EventKind.CEREMONY)).isEqualTo(ConflictPolicy.defaults().forKind(EventKind.CEREMONY));
		assertThat(new ConflictPolicyProperties(null).toPolicy()).isEqualTo(ConflictPolicy.defaults());
	}

	@Test
	void shouldLetAnEmptySetOpenEveryCeremonyFieldToCalendars() {
		ConflictPolicy policy = new ConflictPolicyProperties(
				Map.of(EventKind.CEREMONY, new KindPolicyProperties(Set.of(), null)))
			.toPolicy();

		assertThat(policy.forKind(EventKind.CEREMONY)).isEqualTo(new KindPolicy(Set.of(), CalendarDeletes.REVERT));
	}

	@Test
	void shouldRefuseAPolicyMissingAKind() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConflictPolicy(Map.of(EventKind.CEREMONY, KindPolicy.CALENDAR_EDITS_ACCEPTED)));
	}

}
