package com.wedsync.calsync.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarSafeTextTests {

	@Test
	void shouldKeepTextWithTabsLineBreaksAndWholeSurrogatePairs() {
		assertThat(CalendarSafeText.firstUnsafe("Vows\tat noon\r\nthen cake \uD83D\uDC8D é")).isNull();
	}

	@Test
	void shouldNameTheFirstCharacterNoCalendarCanCarry() {
		assertThat(CalendarSafeText.firstUnsafe("a\u0000b")).isEqualTo("U+0000");
		assertThat(CalendarSafeText.firstUnsafe("bell\u0007")).isEqualTo("U+0007");
		assertThat(CalendarSafeText.firstUnsafe("del\u007f")).isEqualTo("U+007F");
		assertThat(CalendarSafeText.firstUnsafe("half \uD83D")).isEqualTo("U+D83D");
		assertThat(CalendarSafeText.firstUnsafe("\uDC8D first")).isEqualTo("U+DC8D");
		assertThat(CalendarSafeText.firstUnsafe("not \uFFFE")).isEqualTo("U+FFFE");
	}

}
