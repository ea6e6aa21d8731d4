package com.wedsync.calsync.ical;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A VTIMEZONE repeating one RRULE hundreds of times (found by
 * {@link CalendarObjectParserFuzzTests}) cost ical4j over 4 s for a 13 KB object; past
 * {@link ZoneLookup#MAX_RULES_PER_OBSERVANCE} the definition is not built, and a
 * well-known TZID is read through the JDK instead.
 */
class TimeZoneRuleBombTests {

	private final CalendarObjectParser parser = new Ical4jCalendarObjectParser();

	@ParameterizedTest
	@ValueSource(strings = { "vtimezone-289-rrules.ics", "vtimezone-326-dtstarts.ics" })
	void shouldReadAnEventWhoseTimeZoneRepeatsOnePropertyHundredsOfTimesQuickly(String file) throws IOException {
		// read as the fuzz target reads it: a copy may hold invalid UTF-8
		String bomb = new String(Files.readAllBytes(Path.of("src/test/resources/fuzz/ical", file)),
				StandardCharsets.UTF_8);
		String plain = Files.readString(Path.of("src/test/resources/ical/icloud-ceremony-london.ics"));
		CalendarObject expected = this.parser.parse(plain);

		CalendarObject event = assertTimeoutPreemptively(Duration.ofMillis(1500), () -> this.parser.parse(bomb));

		assertThat(event.timing().start()).isEqualTo(expected.timing().start());
		assertThat(event.timing().start()).isEqualTo(Instant.parse("2027-06-12T13:00:00Z"));
	}

}
