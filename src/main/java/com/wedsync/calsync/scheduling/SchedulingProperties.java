package com.wedsync.calsync.scheduling;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code calsync.scheduling.*} from {@code jobs/calendar-sync.yml}.
 *
 * @param emergencyWindow a platform edit of an event starting within this window (or
 * already under way) syncs the participants' calendars at once
 * @param threadCount polls and scheduled syncs a node runs at once, one integration each
 * @param emergencyThreads Quartz worker threads on a node on top of {@code threadCount}
 * that scheduled syncs never hold, so an emergency sync finds a thread even when every
 * scheduled-sync slot is busy with a long sync
 */
@ConfigurationProperties("calsync.scheduling")
public record SchedulingProperties(@DefaultValue("48h") Duration emergencyWindow, @DefaultValue("4") int threadCount,
		@DefaultValue("1") int emergencyThreads) {

	/** Quartz's thread pool size. */
	int quartzThreads() {
		return this.threadCount + this.emergencyThreads;
	}

}
