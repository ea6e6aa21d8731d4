package com.wedsync.calsync.scheduling;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.GroupMatcher;

import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.observability.CalSyncMetrics;

import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;

/**
 * Scheduler capacity for benchmarks: polls one node (or two nodes of one Quartz cluster
 * on one PostgreSQL) completes per second when every integration is due more often than
 * the nodes can poll. A node keeps {@code rate × interval} integrations on an interval
 * without misfires; the interval is compressed so the measurement takes seconds.
 */
public final class PollThroughput {

	private PollThroughput() {
	}

	/**
	 * Polls per second over {@code window}, with every integration's interval set to
	 * {@code intervalSeconds}, on the application's scheduler plus {@code extraNodes}
	 * clustered nodes of {@code threads} threads each in this JVM.
	 */
	public static double pollsPerSecond(ApplicationContext context, List<UUID> integrationIds, int intervalSeconds,
			Duration window, int extraNodes, int threads) throws Exception {
		Scheduler scheduler = context.getBean(Scheduler.class);
		IntegrationRepository integrations = context.getBean(IntegrationRepository.class);
		IntegrationSchedule schedule = context.getBean(IntegrationSchedule.class);
		MeterRegistry meters = context.getBean(MeterRegistry.class);
		SpringBeanJobFactory jobs = new SpringBeanJobFactory();
		jobs.setApplicationContext(context);
		QuartzClusterNodes nodes = new QuartzClusterNodes(scheduler.getSchedulerName(),
				context.getBean(DataSource.class), jobs);
		try {
			for (int i = 0; i < extraNodes; i++) {
				nodes.start("bench-node-" + (i + 2), threads);
			}
			for (UUID id : integrationIds) {
				integrations.updatePollInterval(id, intervalSeconds);
				schedule.follow(integrations.find(id).orElseThrow());
			}
			// the first polls come one interval in; measure once they flow
			Thread.sleep(Duration.ofSeconds(intervalSeconds + 2).toMillis());
			double before = probes(meters);
			long started = System.nanoTime();
			Thread.sleep(window.toMillis());
			double polls = probes(meters) - before;
			double seconds = (System.nanoTime() - started) / 1e9;
			scheduler.pauseTriggers(GroupMatcher.triggerGroupEquals(IntegrationSchedule.POLL_GROUP));
			PollJobs.await("the polls under way to finish", () -> idle(scheduler));
			for (UUID id : integrationIds) {
				integrations.updatePollInterval(id, 86400);
			}
			scheduler.resumeTriggers(GroupMatcher.triggerGroupEquals(IntegrationSchedule.POLL_GROUP));
			for (UUID id : integrationIds) {
				schedule.follow(integrations.find(id).orElseThrow());
			}
			return polls / seconds;
		}
		finally {
			nodes.stopNodes();
		}
	}

	private static boolean idle(Scheduler scheduler) {
		try {
			return scheduler.getCurrentlyExecutingJobs().isEmpty();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static double probes(MeterRegistry meters) {
		return meters.find(CalSyncMetrics.PROBES).counters().stream().mapToDouble(Counter::count).sum();
	}

}
