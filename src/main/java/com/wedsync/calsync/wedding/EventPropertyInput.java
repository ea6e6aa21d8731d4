package com.wedsync.calsync.wedding;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.wedsync.calsync.web.InvalidRequestException;

/**
 * The API's enumerated event properties (STATUS, TRANSP, CLASS), URLs and occurrence
 * lists (EXDATE, RDATE), checked so that what reaches a calendar server is what RFC 5545
 * allows. Blank means none.
 */
final class EventPropertyInput {

	private static final Set<String> STATUSES = Set.of("TENTATIVE", "CONFIRMED", "CANCELLED");

	private static final Set<String> URL_SCHEMES = Set.of("https", "http", "mailto");

	private EventPropertyInput() {
	}

	/** STATUS of a VEVENT (§3.8.1.11), or {@code null}. */
	static String status(String field, String text) {
		return oneOf(field, text, STATUSES);
	}

	/** TRANSP (§3.8.2.7); OPAQUE is the default and stored as {@code null}. */
	static String transparency(String field, String text) {
		String value = oneOf(field, text, Set.of("OPAQUE", "TRANSPARENT"));
		return "OPAQUE".equals(value) ? null : value;
	}

	/** CLASS (§3.8.1.3); PUBLIC is the default and stored as {@code null}. */
	static String classification(String field, String text) {
		String value = oneOf(field, text, Set.of("PUBLIC", "PRIVATE", "CONFIDENTIAL"));
		return "PUBLIC".equals(value) ? null : value;
	}

	/** An absolute link a calendar app can open, or {@code null}. */
	static String url(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		try {
			URI uri = new URI(value);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
			if (scheme != null && URL_SCHEMES.contains(scheme)) {
				return value;
			}
		}
		catch (URISyntaxException ex) {
			// answered below, with the field named
		}
		throw new InvalidRequestException(field,
				field + " '" + text + "' is not an absolute https, http or mailto URL");
	}

	/**
	 * Occurrence starts as the event's times are given (local date-times in its zone, or
	 * dates when all-day), spelt as {@link com.wedsync.calsync.ical.EventOverride}'s
	 * recurrence ids.
	 */
	static List<String> occurrences(String field, List<String> texts, ZoneId zone, boolean allDay) {
		List<String> ids = new ArrayList<>();
		for (String text : texts) {
			ids.add(EventTimeInput.recurrenceId(field, text, zone, allDay));
		}
		return ids;
	}

	private static String oneOf(String field, String text, Set<String> allowed) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip().toUpperCase(Locale.ROOT);
		if (!allowed.contains(value)) {
			throw new InvalidRequestException(field, field + " must be one of "
					+ String.join(", ", allowed.stream().sorted().toList()) + ", not '" + text + "'");
		}
		return value;
	}

}
