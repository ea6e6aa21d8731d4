package com.wedsync.calsync.wedding;

import java.time.temporal.Temporal;

import com.wedsync.calsync.web.InvalidRequestException;
import net.fortuna.ical4j.model.Recur;

/** Checks RRULE values from requests by parsing them as ical4j does when it renders. */
final class RecurrenceRules {

	private RecurrenceRules() {
	}

	/**
	 * @param field the request field, named in the problem when the rule is invalid
	 * @return the rule as ical4j writes it (parts in ical4j's order), which is what the
	 * parser reads back from the rendered body, so stored and parsed rules compare equal
	 */
	static String normalize(String field, String rule) {
		String text = rule.strip();
		if (text.regionMatches(true, 0, "RRULE:", 0, 6)) {
			throw new InvalidRequestException(field, field + " is the RRULE value only, without 'RRULE:'");
		}
		try {
			return new Recur<Temporal>(text).toString();
		}
		catch (RuntimeException ex) {
			throw new InvalidRequestException(field,
					field + " '" + rule + "' is not an RFC 5545 recurrence rule: " + ex.getMessage());
		}
	}

}
