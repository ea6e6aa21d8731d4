package com.wedsync.calsync.observability;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code scheduler}: DOWN when this node's scheduler is not running (not started, in
 * standby or shut down: the node polls nothing), DEGRADED when triggers misfire (no node
 * fired them in time).
 */
@Component("schedulerHealthIndicator")
class QuartzSchedulerHealthIndicator implements HealthIndicator {

	private final SchedulerState scheduler;

	QuartzSchedulerHealthIndicator(SchedulerState scheduler) {
		this.scheduler = scheduler;
	}

	@Override
	public Health health() {
		boolean running = this.scheduler.isRunning();
		long misfired = this.scheduler.misfiredTriggers();
		Health.Builder health = !running ? Health.down()
				: (misfired > 0) ? Health.status(HealthStatuses.DEGRADED) : Health.up();
		return health.withDetail("scheduler", this.scheduler.name())
			.withDetail("running", running)
			.withDetail("standby", this.scheduler.isInStandby())
			.withDetail("misfiredTriggers", misfired)
			.withDetail("misfireThresholdMs", this.scheduler.misfireThresholdMillis())
			.build();
	}

}
