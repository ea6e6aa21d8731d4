package com.wedsync.calsync.observability;

import java.time.Instant;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether this node's Quartz scheduler runs, and the misfire backlog of the cluster: the
 * waiting triggers whose fire time passed more than the misfire threshold ago, which no
 * node picked up in time (all threads busy, or every scheduler stopped).
 */
@Component
public class SchedulerState {

	private final Scheduler scheduler;

	private final JdbcClient jdbc;

	private final long misfireThresholdMillis;

	SchedulerState(Scheduler scheduler, JdbcClient jdbc,
			@Value("${spring.quartz.properties.org.quartz.jobStore.misfireThreshold:60000}") long misfireThresholdMillis) {
		this.scheduler = scheduler;
		this.jdbc = jdbc;
		this.misfireThresholdMillis = misfireThresholdMillis;
	}

	/** Started, not in standby and not shut down. */
	public boolean isRunning() {
		try {
			return this.scheduler.isStarted() && !this.scheduler.isInStandbyMode() && !this.scheduler.isShutdown();
		}
		catch (SchedulerException ex) {
			return false;
		}
	}

	public boolean isInStandby() {
		try {
			return this.scheduler.isInStandbyMode();
		}
		catch (SchedulerException ex) {
			return false;
		}
	}

	public String name() {
		try {
			return this.scheduler.getSchedulerName();
		}
		catch (SchedulerException ex) {
			return "unknown";
		}
	}

	/** Waiting triggers of this scheduler overdue by more than the misfire threshold. */
	public long misfiredTriggers() {
		long cutoff = Instant.now().toEpochMilli() - this.misfireThresholdMillis;
		return this.jdbc
			.sql("SELECT COUNT(*) FROM qrtz_triggers WHERE sched_name = ? AND trigger_state = 'WAITING' "
					+ "AND next_fire_time < ?")
			.params(name(), cutoff)
			.query(Long.class)
			.single();
	}

	public long misfireThresholdMillis() {
		return this.misfireThresholdMillis;
	}

}
