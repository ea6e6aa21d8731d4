package com.wedsync.calsync.ical;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.ZoneRulesBuilder;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * Turns a local date-time with a TZID into an instant, offline. The VTIMEZONE shipped in
 * the calendar object wins (RFC 5545 §3.2.19: the TZID names a VTIMEZONE of the same
 * object); without one the TZID must be a zone the JDK (or an ical4j alias of one) knows.
 * <p>
 * Built per parse from the object's VTIMEZONEs. It deliberately does not register them in
 * an ical4j {@code TimeZoneRegistry}: every registration takes one of ical4j's 1500
 * global zone ids until the registry is garbage collected, which a busy sync could
 * exhaust.
 * <p>
 * Building rules from a VTIMEZONE expands its observances' recurrence rules, the most
 * expensive part of parsing an event, and a calendar repeats the same few VTIMEZONEs in
 * every object. Built rules are therefore shared between lookups, keyed by the
 * VTIMEZONE's whole text (so two servers' different definitions of one TZID never mix),
 * in a small least-recently-used map.
 */
final class ZoneLookup {

	/**
	 * Real VTIMEZONEs have one RRULE per observance; ical4j's rule building grows fast
	 * with more (289 copies of one rule in a 13 KB object took over 4 s), so beyond this
	 * the definition counts as unreadable.
	 */
	static final int MAX_RULES_PER_OBSERVANCE = 4;

	private static final int SHARED_RULES = 256;

	private static final Map<String, ZoneRules> sharedRules = Collections
		.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, ZoneRules> eldest) {
				return size() > SHARED_RULES;
			}

		});

	private final Map<String, VTimeZone> definitions = new HashMap<>();

	private final Map<String, ZoneRules> resolved = new HashMap<>();

	ZoneLookup(List<VTimeZone> timeZones) {
		for (VTimeZone timeZone : timeZones) {
			timeZone.getProperties()
				.stream()
				.filter((property) -> property.getName().equalsIgnoreCase("TZID"))
				.map(Property::getValue)
				.findFirst()
				.ifPresent((tzid) -> this.definitions.put(tzid, timeZone));
		}
	}

	/**
	 * RFC 5545 §3.3.5: a local time in a gap is read with the offset before the gap, and
	 * an ambiguous one with the first (earlier) offset, which is what the JDK does.
	 */
	Instant toInstant(LocalDateTime local, String tzid) {
		ZoneRules rules = rulesFor(tzid);
		List<ZoneOffset> offsets = rules.getValidOffsets(local);
		if (!offsets.isEmpty()) {
			return local.toInstant(offsets.get(0));
		}
		ZoneOffsetTransition gap = rules.getTransition(local);
		return local.toInstant(gap.getOffsetBefore());
	}

	/**
	 * @throws InvalidICalendarException when the TZID is neither defined nor known
	 */
	ZoneRules rulesFor(String tzid) {
		return this.resolved.computeIfAbsent(tzid, this::resolve);
	}

	private ZoneRules resolve(String tzid) {
		VTimeZone definition = this.definitions.get(tzid);
		if (definition != null) {
			String text = definition.toString();
			ZoneRules shared = sharedRules.get(text);
			if (shared != null) {
				return shared;
			}
			try {
				checkObservances(definition);
				ZoneRules rules = new ZoneRulesBuilder().vTimeZone(definition).build();
				sharedRules.put(text, rules);
				return rules;
			}
			catch (RuntimeException ex) {
				// a broken VTIMEZONE for a well-known id is still usable through the JDK
				return knownZone(tzid, "its VTIMEZONE cannot be read (" + ex.getMessage() + ")");
			}
		}
		return knownZone(tzid, "no VTIMEZONE in the object defines it");
	}

	// RFC 5545 section 3.6.5: DTSTART must not occur more than once in an observance;
	// repeated, it costs ical4j like repeated rules. Real observances recur yearly.
	private static void checkObservances(VTimeZone definition) {
		for (Observance observance : definition.getObservances()) {
			if (observance.getProperties(Property.DTSTART).size() > 1) {
				throw new IllegalArgumentException("more than one DTSTART in an observance");
			}
			List<RRule<?>> rules = observance.getProperties(Property.RRULE);
			if (rules.size() > MAX_RULES_PER_OBSERVANCE) {
				throw new IllegalArgumentException(
						rules.size() + " RRULEs in one observance, more than " + MAX_RULES_PER_OBSERVANCE);
			}
			// Offsets change at most a few times a year; ical4j expands an observance's
			// rule from its DTSTART to now, so a SECONDLY one would not finish.
			for (RRule<?> rule : rules) {
				if (rule.getRecur().getFrequency() != Frequency.YEARLY) {
					throw new IllegalArgumentException(
							"an observance recurring " + rule.getRecur().getFrequency() + ", not YEARLY");
				}
			}
		}
	}

	private static ZoneRules knownZone(String tzid, String why) {
		try {
			return ZoneId.of(tzid, TimeZoneRegistry.ZONE_ALIASES).getRules();
		}
		catch (DateTimeException ex) {
			throw new InvalidICalendarException("Unknown time zone TZID=" + tzid + ": not a known zone and " + why);
		}
	}

}
