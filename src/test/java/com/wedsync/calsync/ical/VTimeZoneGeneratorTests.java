package com.wedsync.calsync.ical;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated VTIMEZONE, read back the way the parser reads one, gives the JDK's offsets:
 * exactly in the event's years, and through its yearly rules after them.
 */
class VTimeZoneGeneratorTests {

	@ParameterizedTest
	@ValueSource(strings = { "Europe/London", "America/New_York", "Australia/Sydney", "Asia/Tokyo", "Pacific/Chatham",
			"America/St_Johns", "Europe/Dublin", "America/Sao_Paulo", "Africa/Casablanca", "Asia/Kolkata",
			"America/Santiago" })
	void shouldGiveTheJdkOffsetsWhenReadBack(String tzid) {
		ZoneRules jdk = ZoneId.of(tzid).getRules();
		Instant from = Instant.parse("2027-03-01T18:00:00Z");
		Instant to = Instant.parse("2027-11-30T18:00:00Z");
		RawComponent generated = VTimeZoneGenerator.generate(tzid, jdk, from, to);
		ContentLines text = new ContentLines().line("BEGIN:VCALENDAR").line("VERSION:2.0").line("PRODID:-//test//EN");
		generated.writeTo(text);
		text.line("END:VCALENDAR");

		ZoneRules read = new ZoneLookup(Ical4jCalendarObjectParser.build(text.toString())
			.getComponents()
			.stream()
			.filter(net.fortuna.ical4j.model.component.VTimeZone.class::isInstance)
			.map(net.fortuna.ical4j.model.component.VTimeZone.class::cast)
			.toList()).rulesFor(tzid);

		// every hour of the window the VTIMEZONE spells out (2026 to 2028)
		for (Instant at = Instant.parse("2026-01-01T00:00:00Z"); at
			.isBefore(Instant.parse("2029-01-01T00:00:00Z")); at = at.plus(Duration.ofHours(1))) {
			assertThat(read.getOffset(at)).as("%s at %s", tzid, at).isEqualTo(jdk.getOffset(at));
		}
		// and the rules beyond it, checked around each JDK transition of the
		// next ten years
		if (!jdk.getTransitionRules().isEmpty()) {
			for (Instant at = Instant.parse("2029-01-01T00:00:00Z"); at
				.isBefore(Instant.parse("2034-01-01T00:00:00Z")); at = at.plus(Duration.ofHours(6))) {
				assertThat(read.getOffset(at)).as("%s at %s", tzid, at).isEqualTo(jdk.getOffset(at));
			}
		}
		assertThat(generated.lines()).isEqualTo(List.of("TZID:" + tzid));
	}

}
