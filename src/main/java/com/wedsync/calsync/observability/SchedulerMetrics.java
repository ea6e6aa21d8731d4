package com.wedsync.calsync.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/** Publishes whether this node's scheduler runs, and the cluster's misfire backlog. */
@Component
class SchedulerMetrics {

	SchedulerMetrics(SchedulerState scheduler, MeterRegistry registry) {
		Gauge.builder(CalSyncMetrics.SCHEDULER_RUNNING, scheduler, (s) -> s.isRunning() ? 1 : 0)
			.description("1 while this node's Quartz scheduler is started and not in standby")
			.register(registry);
		Gauge.builder(CalSyncMetrics.SCHEDULER_MISFIRED, scheduler, SchedulerState::misfiredTriggers)
			.description("Waiting triggers overdue by more than the misfire threshold")
			.register(registry);
	}

}
