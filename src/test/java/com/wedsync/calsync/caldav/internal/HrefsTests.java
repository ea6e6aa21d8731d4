package com.wedsync.calsync.caldav.internal;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Hrefs as servers write them compare equal to the hrefs we asked for. */
class HrefsTests {

	private static final URI CALENDAR = URI.create("https://p42-caldav.icloud.com:443/1/calendars/home/");

	@Test
	void shouldMatchAcrossPercentEncodingAbsoluteFormAndDefaultPort() {
		URI asked = Hrefs.resolve(CALENDAR, "/1/calendars/home/guest@list.ics");
		assertThat(Hrefs.same(asked, Hrefs.resolve(CALENDAR, "guest%40list.ics"))).isTrue();
		assertThat(Hrefs.same(asked,
				Hrefs.resolve(CALENDAR, "HTTPS://P42-CALDAV.icloud.com/1/calendars/home/guest%40list.ics")))
			.isTrue();
		assertThat(Hrefs.same(asked, Hrefs.resolve(CALENDAR, "/1/calendars/home/other.ics"))).isFalse();
		assertThat(Hrefs.same(asked,
				Hrefs.resolve(CALENDAR, "http://p42-caldav.icloud.com/1/calendars/home/guest@list.ics")))
			.isFalse();
	}

	@Test
	void shouldTreatACollectionWithAndWithoutTrailingSlashAsTheSame() {
		assertThat(Hrefs.same(CALENDAR, Hrefs.resolve(CALENDAR, "/1/calendars/home"))).isTrue();
	}

	@Test
	void shouldQuoteCharactersAServerForgotToEscape() {
		assertThat(Hrefs.resolve(CALENDAR, "/1/calendars/home/a b.ics").getRawPath())
			.isEqualTo("/1/calendars/home/a%20b.ics");
	}

	@Test
	void shouldSendSameHostHrefsAsPathsAndOthersAsUrls() {
		assertThat(Hrefs.forRequest(CALENDAR, URI.create("x.ics"))).isEqualTo("/1/calendars/home/x.ics");
		assertThat(Hrefs.forRequest(CALENDAR, URI.create("https://other.example/x.ics")))
			.isEqualTo("https://other.example/x.ics");
	}

}
