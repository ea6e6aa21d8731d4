package com.wedsync.calsync.ical;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the iCalendar fixtures under {@code src/test/resources/ical/}, byte for byte. */
final class Fixtures {

	private Fixtures() {
	}

	static String ical(String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/ical/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
