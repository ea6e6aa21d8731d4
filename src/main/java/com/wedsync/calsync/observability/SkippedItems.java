package com.wedsync.calsync.observability;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.wedsync.calsync.ical.NotAnEventException;

import org.springframework.stereotype.Component;

/**
 * Counts calendar items a sync leaves alone because they are not events (tasks, journal
 * entries), one series per kind of content, registered at startup so each exists before
 * its first item.
 */
@Component
public class SkippedItems {

	private final Map<NotAnEventException.Content, Counter> counters = new EnumMap<>(NotAnEventException.Content.class);

	public SkippedItems(MeterRegistry registry) {
		for (NotAnEventException.Content content : NotAnEventException.Content.values()) {
			this.counters.put(content,
					Counter.builder(CalSyncMetrics.ITEMS_SKIPPED)
						.description("Calendar items left alone because they are not events")
						.tag(CalSyncMetrics.TAG_REASON, content.tag())
						.register(registry));
		}
	}

	public void count(NotAnEventException.Content content) {
		this.counters.get(content).increment();
	}

}
