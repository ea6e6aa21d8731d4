package com.wedsync.calsync.observability;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code memory}: DOWN once the JVM has thrown an {@link OutOfMemoryError}, until restart
 * ({@link OutOfMemoryWatch}); part of the liveness group, so an orchestrator replaces the
 * node instead of sending it traffic it can no longer serve.
 */
@Component("memoryHealthIndicator")
class MemoryHealthIndicator implements HealthIndicator {

	private final OutOfMemoryWatch watch;

	MemoryHealthIndicator(OutOfMemoryWatch watch) {
		this.watch = watch;
	}

	@Override
	public Health health() {
		Runtime runtime = Runtime.getRuntime();
		OutOfMemoryWatch.Seen seen = this.watch.firstSeen();
		Health.Builder health = (seen == null) ? Health.up()
				: Health.down()
					.withDetail("outOfMemoryAt", seen.at().toString())
					.withDetail("outOfMemoryIn", seen.where())
					.withDetail("outOfMemory", String.valueOf(seen.message()));
		return health.withDetail("maxHeapBytes", runtime.maxMemory())
			.withDetail("usedHeapBytes", runtime.totalMemory() - runtime.freeMemory())
			.build();
	}

}
