package com.wedsync.calsync.realtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import com.wedsync.calsync.testpeers.CalDavTestServer;

/**
 * A Radicale calendar of many events, written straight into its storage folder (a PUT per
 * event costs ~25 ms and grows with the collection).
 */
public final class SeededCalendars {

	private SeededCalendars() {
	}

	public static void create(CalDavTestServer radicale, String name, int events) {
		radicale.createCalendar(name);
		Path folder = radicale.homeFolder().resolve(name);
		try {
			for (int i = 0; i < events; i++) {
				Files.writeString(folder.resolve("live-%04d.ics".formatted(i)), event(name, i));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String event(String calendar, int i) {
		String day = LocalDate.of(2027, 3, 1).plusDays(i % 300).toString().replace("-", "");
		return """
				BEGIN:VCALENDAR\r
				VERSION:2.0\r
				PRODID:-//calsync live status test//EN\r
				BEGIN:VEVENT\r
				UID:%s-%d@wedsync.example\r
				DTSTAMP:20261130T090000Z\r
				DTSTART:%sT100000Z\r
				DTEND:%sT110000Z\r
				SUMMARY:Tasting %d\r
				END:VEVENT\r
				END:VCALENDAR\r
				""".formatted(calendar, i, day, day, i);
	}

}
