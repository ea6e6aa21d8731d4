package com.wedsync.calsync.wedding;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.wedsync.calsync.web.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RecurrenceRulesTests {

	@ParameterizedTest
	@ValueSource(strings = { "FREQ=SOMETIMES", "BYDAY=MO", "garbage", "FREQ=WEEKLY;BYDAY=XX", "FREQ=DAILY;COUNT=x",
			"FREQ=DAILY;UNTIL=2026", "RRULE:FREQ=DAILY" })
	void shouldRefuseWhatIsNotARecurrenceRuleNamingTheField(String rule) {
		InvalidRequestException ex = catchThrowableOfType(InvalidRequestException.class,
				() -> RecurrenceRules.normalize("recurrenceRule", rule));

		assertThat(ex.getField()).isEqualTo("recurrenceRule");
	}

	@ParameterizedTest
	@ValueSource(strings = { "FREQ=WEEKLY;COUNT=4", " FREQ=WEEKLY;BYDAY=SA;UNTIL=20261231T000000Z " })
	void shouldAcceptRulesInTheFormIcal4jWritesThem(String rule) {
		String normalized = RecurrenceRules.normalize("recurrenceRule", rule);

		assertThat(RecurrenceRules.normalize("recurrenceRule", normalized)).isEqualTo(normalized);
		assertThat(normalized).startsWith("FREQ=WEEKLY");
	}

}
