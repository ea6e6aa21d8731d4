package com.wedsync.calsync.ical;

import java.util.Locale;
import java.util.Optional;

/**
 * What a wedding event is. The kind decides sync priority (ceremonies first) and conflict
 * policy (ceremony times are platform-authoritative). Declared in priority order: the
 * sync reconciles the kinds in this order.
 */
public enum EventKind {

	CEREMONY, MEETING, DEADLINE, OTHER;

	/**
	 * Reads a kind from free text such as an {@code X-WEDSYNC-KIND} value or a CATEGORIES
	 * entry ("Ceremony", " meeting "). Added for the parser, which finds kinds in text
	 * written by people on their phones, so case and surrounding blanks do not matter.
	 * @param text the text, may be {@code null}
	 * @return the kind named by the text, empty when it names none
	 */
	public static Optional<EventKind> fromText(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String name = text.strip().toUpperCase(Locale.ROOT);
		for (EventKind kind : values()) {
			if (kind.name().equals(name)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

}
