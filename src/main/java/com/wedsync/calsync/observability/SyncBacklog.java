package com.wedsync.calsync.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * How far behind syncing is, cluster-wide.
 *
 * @param takenAt when it was read
 * @param outboxBacklog platform changes waiting to be written to a calendar
 * @param oldestChange when the oldest of them was made, {@code null} when none waits
 * @param integrationsBehind active integrations past their interval
 * @param integrationsByStatus integrations by status (ACTIVE, PAUSED, AUTH_FAILED)
 */
public record SyncBacklog(Instant takenAt, long outboxBacklog, Instant oldestChange, int integrationsBehind,
		Map<String, Long> integrationsByStatus) {

	/** Age of the oldest waiting platform change; zero when nothing waits. */
	public Duration lag() {
		if (this.oldestChange == null || this.oldestChange.isAfter(this.takenAt)) {
			return Duration.ZERO;
		}
		return Duration.between(this.oldestChange, this.takenAt);
	}

}
