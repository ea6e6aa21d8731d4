package com.wedsync.calsync.caldav.internal;

import java.time.Duration;
import java.util.List;

import com.wedsync.calsync.caldav.CalDavProperties;

/** Resilience settings for callers that build a client factory without Spring. */
public final class ResilienceSettings {

	private ResilienceSettings() {
	}

	/** The defaults of {@code calsync.caldav.resilience.*}. */
	public static CalDavProperties.Resilience defaults() {
		return new CalDavProperties.Resilience(4, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(1),
				Duration.ofSeconds(60), 50, 10, 20, Duration.ofSeconds(60), 3, 20, 4, Duration.ofSeconds(120),
				List.of("icloud.com"), 3, Duration.ofSeconds(2), Duration.ofSeconds(10));
	}

	/**
	 * One attempt per request and no throttling; the circuit never sees enough calls to
	 * open. For tests of the protocol, where a retry would hide what the server said.
	 */
	public static CalDavProperties.Resilience singleAttempt() {
		return new CalDavProperties.Resilience(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO,
				Duration.ZERO, 100, Integer.MAX_VALUE, 100, Duration.ofMillis(1), 1, 1_000_000, 1_000_000,
				Duration.ofSeconds(1), List.of(), 1_000, Duration.ofSeconds(1), Duration.ofHours(1));
	}

}
