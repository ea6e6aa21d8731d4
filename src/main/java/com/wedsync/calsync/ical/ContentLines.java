package com.wedsync.calsync.ical;

import java.nio.charset.StandardCharsets;

/**
 * Writes iCalendar content lines: CRLF line ends and lines folded at 75 octets (RFC 5545
 * §3.1), TEXT values escaped (§3.3.11).
 */
final class ContentLines {

	/**
	 * §3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line
	 * break".
	 */
	private static final int MAX_OCTETS = 75;

	private final StringBuilder out = new StringBuilder();

	/** Appends one unfolded content line, folding it. */
	ContentLines line(String unfolded) {
		int octets = 0;
		int index = 0;
		while (index < unfolded.length()) {
			int codePoint = unfolded.codePointAt(index);
			int size = utf8Length(codePoint);
			// fold between characters, never inside a multi-octet one (§3.1 warns of
			// exactly that); a continuation line starts with the one space it costs
			if (octets + size > MAX_OCTETS) {
				this.out.append("\r\n ");
				octets = 1;
			}
			this.out.appendCodePoint(codePoint);
			octets += size;
			index += Character.charCount(codePoint);
		}
		this.out.append("\r\n");
		return this;
	}

	/** Appends a property with a TEXT value, escaped. */
	ContentLines text(String name, String value) {
		return line(name + ":" + escape(value));
	}

	/**
	 * §3.3.11: backslash, semicolon and comma are escaped with a backslash, a line break
	 * as {@code \n}; every line break form counts, so a CRLF from a form does not become
	 * two.
	 */
	static String escape(String value) {
		String newlines = value.replace("\r\n", "\n").replace('\r', '\n');
		StringBuilder escaped = new StringBuilder(newlines.length() + 8);
		for (int i = 0; i < newlines.length(); i++) {
			char c = newlines.charAt(i);
			switch (c) {
				case '\\', ';', ',' -> escaped.append('\\').append(c);
				case '\n' -> escaped.append("\\n");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	private static int utf8Length(int codePoint) {
		return new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
	}

	@Override
	public String toString() {
		return this.out.toString();
	}

}
