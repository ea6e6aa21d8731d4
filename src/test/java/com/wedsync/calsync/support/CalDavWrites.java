package com.wedsync.calsync.support;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.wedsync.calsync.observability.CalSyncMetrics;

/**
 * PUT and DELETE requests sent to CalDAV servers so far: what "writes nothing" counts.
 */
public final class CalDavWrites {

	private CalDavWrites() {
	}

	public static double sent(MeterRegistry meters) {
		return meters.find(CalSyncMetrics.CALDAV_REQUESTS)
			.counters()
			.stream()
			.filter((c) -> List.of("PUT", "DELETE").contains(c.getId().getTag(CalSyncMetrics.TAG_METHOD)))
			.mapToDouble(Counter::count)
			.sum();
	}

}
