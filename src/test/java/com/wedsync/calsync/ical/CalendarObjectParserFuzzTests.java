package com.wedsync.calsync.ical;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.wedsync.calsync.support.fuzz.FuzzRun;
import com.wedsync.calsync.support.fuzz.Mutations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutational fuzzing of the iCalendar parser for a fixed time budget (10 s, 60 s in CI):
 * whatever a server returns, the parser answers with a {@link CalendarObject} or an
 * {@link InvalidICalendarException} within a time bound; no other exception, stack
 * overflow or out-of-memory, which would fail a whole sync instead of parking one item.
 * Inputs that once broke it are replayed from {@code src/test/resources/fuzz/ical/}.
 */
class CalendarObjectParserFuzzTests {

	private static final List<String> DICTIONARY = List.of("BEGIN:VEVENT\r\n", "END:VEVENT\r\n", "BEGIN:VTIMEZONE\r\n",
			"END:VTIMEZONE\r\n", "BEGIN:VALARM\r\n", "RRULE:FREQ=SECONDLY\r\n", "RRULE:FREQ=DAILY;COUNT=2147483647\r\n",
			"RDATE:20270101T000000Z,20270102T000000Z\r\n", "RECURRENCE-ID;RANGE=THISANDFUTURE:20270612T140000Z\r\n",
			"DTSTART;TZID=\"Europe/London\":", "DTSTART;VALUE=DATE:", "DURATION:-P99999W\r\n", "TZID:",
			"EXDATE;TZID=Nowhere/City:20270612T140000\r\n", ";", ":", "\r\n ", "\"", "\\,", "=", "UID:", "\u0000",
			"\uFEFF", "é");

	private final CalendarObjectParser parser = new Ical4jCalendarObjectParser();

	@Test
	void shouldOnlyThrowInvalidIcalendarWhateverTheInput() throws IOException {
		long executions = fuzz().run(0xCA1E_0001L, FuzzRun.budget(), this::parse);

		assertThat(executions).isGreaterThan(100);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("regressionSeeds")
	void shouldStillHandleEveryInputThatOnceBrokeTheParser(Path seed) throws IOException {
		fuzz().replay(seed, this::parse);
	}

	static Stream<Path> regressionSeeds() throws IOException {
		return FuzzRun.regressionSeeds("ical");
	}

	private void parse(byte[] input) {
		this.parser.parse(new String(input, StandardCharsets.UTF_8));
	}

	private static FuzzRun fuzz() throws IOException {
		List<byte[]> corpus;
		try (Stream<Path> files = Files.list(Path.of("src/test/resources/ical"))) {
			corpus = files.sorted().map(CalendarObjectParserFuzzTests::read).toList();
		}
		return new FuzzRun("ical", new Mutations(corpus, DICTIONARY, "BEGIN:X-NEST\r\n", "END:X-NEST\r\n"),
				InvalidICalendarException.class);
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
