package com.wedsync.calsync.ical;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.wedsync.calsync.support.FidelityCorpus;
import com.wedsync.calsync.support.FidelityCorpus.Item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fidelity corpus ({@code CalendarFidelityFunctionalTests}) as calsync reads it,
 * before any server: every event parses into fields, every task or note is recognised as
 * not an event (so a sync skips it).
 */
class FidelityCorpusTests {

	private final CalendarObjectParser parser = new Ical4jCalendarObjectParser();

	static List<Item> corpus() {
		return FidelityCorpus.load();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void shouldReadEveryVersionOfTheItem(Item item) {
		for (String ics : item.afterEdit().values()) {
			if (item.isEvent()) {
				assertThat(this.parser.parse(ics).uid()).isEqualTo(FidelityCorpus.uidOf(ics));
			}
			else {
				assertThatExceptionOfType(NotAnEventException.class).isThrownBy(() -> this.parser.parse(ics));
			}
		}
		item.initial().values().forEach((ics) -> {
			if (item.isEvent()) {
				assertThat(this.parser.parse(ics).fields()).isNotNull();
			}
		});
	}

}
