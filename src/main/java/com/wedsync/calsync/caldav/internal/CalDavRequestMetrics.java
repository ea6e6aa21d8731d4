package com.wedsync.calsync.caldav.internal;

import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import com.wedsync.calsync.observability.CalSyncMetrics;

/**
 * Counts and times every HTTP request to a CalDAV server. Requests are what iCloud
 * rate-limits, so they are the unit the sync is measured in.
 */
final class CalDavRequestMetrics {

	private final MeterRegistry registry;

	CalDavRequestMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void record(String method, String statusClass, String host, Duration duration) {
		String hostTag = (host != null) ? host.toLowerCase(Locale.ROOT) : "unknown";
		Counter.builder(CalSyncMetrics.CALDAV_REQUESTS)
			.description("HTTP requests sent to CalDAV servers")
			.tag(CalSyncMetrics.TAG_METHOD, method)
			.tag(CalSyncMetrics.TAG_STATUS_CLASS, statusClass)
			.tag(CalSyncMetrics.TAG_HOST, hostTag)
			.register(this.registry)
			.increment();
		Timer.builder(CalSyncMetrics.CALDAV_REQUEST_DURATION)
			.description("Duration of HTTP requests to CalDAV servers")
			.tag(CalSyncMetrics.TAG_METHOD, method)
			.tag(CalSyncMetrics.TAG_STATUS_CLASS, statusClass)
			.tag(CalSyncMetrics.TAG_HOST, hostTag)
			.register(this.registry)
			.record(duration);
	}

	static String statusClass(int status) {
		return (status / 100) + "xx";
	}

}
