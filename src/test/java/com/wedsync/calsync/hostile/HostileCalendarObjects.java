package com.wedsync.calsync.hostile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hostile calendar objects, by file name, and the reason each must be parked with.
 * Radicale 3.1.8 holds only some of them: it answers 500 for a whole collection holding
 * an object it cannot load (a bad date, no UID, not iCalendar, deep nesting) and spins on
 * a recurrence with a huge COUNT when it indexes time ranges, so those are served by a
 * WireMock calendar instead.
 */
final class HostileCalendarObjects {

	private HostileCalendarObjects() {
	}

	/**
	 * Parked, held by Radicale. (A task, VTODO without VEVENT, is not bad data but not an
	 * event: skipped, see {@code NonEventItemsFunctionalTests}.)
	 */
	static Map<String, String> parkedOnRadicale() {
		Map<String, String> cases = new LinkedHashMap<>();
		cases.put("bad-tzid.ics", event("bad-tzid", "DTSTART;TZID=Mars/Olympus_Mons:20270610T100000\r\n"));
		cases.put("oversized.ics", event("oversized",
				"DTSTART:20270610T100000Z\r\nDESCRIPTION:" + ("x".repeat(70) + "\r\n ").repeat(16_000) + "x\r\n"));
		cases.put("many-components.ics", event("many-components", "DTSTART:20270610T100000Z\r\n"
				+ "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT1M\r\nEND:VALARM\r\n".repeat(1001)));
		StringBuilder overrides = new StringBuilder();
		for (int i = 0; i < 1200; i++) {
			overrides.append("BEGIN:VEVENT\r\nUID:overrides@hostile.example\r\nDTSTAMP:20261130T090000Z\r\n")
				.append("RECURRENCE-ID:2027%04dT100000Z\r\n".formatted(101 + i % 28 + 100 * (i / 28 % 12)))
				.append("DTSTART:20270610T100000Z\r\nDTEND:20270610T110000Z\r\nEND:VEVENT\r\n");
		}
		cases.put("many-overrides.ics", event("overrides", "DTSTART:20270610T100000Z\r\nRRULE:FREQ=DAILY\r\n")
			.replace("END:VCALENDAR", overrides + "END:VCALENDAR"));
		return cases;
	}

	/** Parked, served by WireMock because Radicale cannot hold them. */
	static Map<String, String> parkedOffRadicale() {
		Map<String, String> cases = new LinkedHashMap<>();
		cases.put("bad-date.ics", event("bad-date", "DTSTART:20271345T996100Z\r\n"));
		cases.put("no-uid.ics", event("", "DTSTART:20270610T100000Z\r\n").replace("UID:\r\n", ""));
		cases.put("not-ical.ics", "<html><body>502 Bad Gateway</body></html>\r\n");
		cases.put("deep-nesting.ics", event("deep",
				"DTSTART:20270610T100000Z\r\n" + "BEGIN:X-NEST\r\n".repeat(900) + "END:X-NEST\r\n".repeat(900)));
		return cases;
	}

	/**
	 * Imported on purpose, held by Radicale: recurrence rules are stored and sent as text
	 * and never expanded, so a rule without end or with thousands of RDATEs is an
	 * ordinary event; two objects with one UID are linked as one event.
	 */
	static Map<String, String> acceptedOnRadicale() {
		Map<String, String> cases = new LinkedHashMap<>();
		cases.put("secondly.ics", event("secondly", "DTSTART:20270610T100000Z\r\nRRULE:FREQ=SECONDLY\r\n"));
		StringBuilder rdates = new StringBuilder("DTSTART:20270610T100000Z\r\n");
		for (int i = 0; i < 5000; i++) {
			rdates.append("RDATE:").append(2028 + i / 365).append("0101T100000Z\r\n");
		}
		cases.put("rdates.ics", event("rdates", rdates.toString()));
		cases.put("twice-a.ics", event("twice", "DTSTART:20270610T100000Z\r\n"));
		cases.put("twice-b.ics", event("twice", "DTSTART:20270611T100000Z\r\n"));
		return cases;
	}

	/** Imported on purpose, served by WireMock (Radicale spins on the huge COUNT). */
	static Map<String, String> acceptedOffRadicale() {
		return Map.of("huge-count.ics",
				event("huge-count", "DTSTART:20270610T100000Z\r\nRRULE:FREQ=SECONDLY;COUNT=2000000000\r\n"));
	}

	static String expectedReason(String file) {
		return switch (file) {
			case "bad-date.ics" -> "DTSTART";
			case "bad-tzid.ics" -> "Mars/Olympus_Mons";
			case "no-uid.ics" -> "UID";
			case "not-ical.ics" -> "BEGIN:VCALENDAR";
			case "oversized.ics" -> "size limit";
			case "many-components.ics", "many-overrides.ics" -> "components";
			case "deep-nesting.ics" -> "nest";
			default -> throw new IllegalArgumentException(file);
		};
	}

	static String good(int i) {
		return event("good-%02d".formatted(i), "DTSTART:20270610T100000Z\r\n");
	}

	static String uid(String name) {
		return name + "@hostile.example";
	}

	private static String event(String name, String start) {
		return """
				BEGIN:VCALENDAR\r
				VERSION:2.0\r
				PRODID:-//calsync hostile tests//EN\r
				BEGIN:VEVENT\r
				UID:%s\r
				DTSTAMP:20261130T090000Z\r
				%sSUMMARY:Hostile\r
				END:VEVENT\r
				END:VCALENDAR\r
				""".formatted(name.isEmpty() ? "" : uid(name), start);
	}

}
