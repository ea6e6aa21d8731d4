package com.wedsync.calsync.scheduling;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code calsync.scheduling.*} from {@code jobs/calendar-sync.yml}.
 *
 * @param emergencyWindow a platform edit of an event starting within this window (or
 * already under way) syncs the participants' calendars at once
 * @param threadCount Quartz worker threads on a node: polls and scheduled syncs run on
 * them, one integration per thread
 */
@ConfigurationProperties("calsync.scheduling")
public record SchedulingProperties(@DefaultValue("48h") Duration emergencyWindow, @DefaultValue("4") int threadCount) {
}
