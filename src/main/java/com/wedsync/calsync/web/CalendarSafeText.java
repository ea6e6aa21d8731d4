package com.wedsync.calsync.web;

/**
 * Text that iCalendar and XML can both carry. RFC 5545 section 3.1 allows no control
 * character in a value but the tab (line breaks are escaped), and XML 1.0 allows none but
 * tab, line feed and carriage return, nor U+FFFE, U+FFFF or half a surrogate pair. A NUL
 * in a summary would be written to a calendar server that then cannot answer for the
 * calendar in well-formed XML, so such text is refused where it enters.
 */
public final class CalendarSafeText {

	private CalendarSafeText() {
	}

	/** The first character calendars cannot carry, as {@code U+0000}, or {@code null}. */
	public static String firstUnsafe(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean unsafe;
			if (Character.isHighSurrogate(c)) {
				unsafe = i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
				i += unsafe ? 0 : 1;
			}
			else {
				unsafe = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f || Character.isLowSurrogate(c)
						|| c == 0xfffe || c == 0xffff;
			}
			if (unsafe) {
				return "U+%04X".formatted((int) c);
			}
		}
		return null;
	}

}
