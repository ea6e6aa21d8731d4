package com.wedsync.calsync.batch;

import java.util.Optional;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which node runs a sync, and whether that node is still alive. A node is its Quartz
 * scheduler instance id (unique per process: {@code instanceId: AUTO} is host name plus
 * start time). Quartz's clustered store makes every live node check in to
 * {@code QRTZ_SCHEDULER_STATE} every {@code clusterCheckinInterval}; a node whose last
 * check-in is older than that interval plus {@code calsync.sync.node-grace-ms} (Quartz's
 * own failure rule uses 7.5 s) is dead, and so is one that has no row at all (Quartz
 * removes the row of a node it recovered).
 */
@Component
public class SyncNodes {

	private final ObjectProvider<Scheduler> scheduler;

	private final JdbcClient jdbc;

	private final long graceMillis;

	SyncNodes(ObjectProvider<Scheduler> scheduler, JdbcClient jdbc,
			@Value("${calsync.sync.node-grace-ms:7500}") long graceMillis) {
		this.scheduler = scheduler;
		this.jdbc = jdbc;
		this.graceMillis = graceMillis;
	}

	/** This node's id. */
	public String self() {
		try {
			return this.scheduler.getObject().getSchedulerInstanceId();
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("No Quartz scheduler to name this node", ex);
		}
	}

	/** Whether the node still checks in; {@code null} (a sync from before V5) is dead. */
	public boolean isAlive(String node) {
		if (node == null) {
			return false;
		}
		if (node.equals(self())) {
			return true;
		}
		Optional<Long> lastAlive = this.jdbc
			.sql("SELECT last_checkin_time + checkin_interval FROM qrtz_scheduler_state "
					+ "WHERE sched_name = ? AND instance_name = ?")
			.params(schedulerName(), node)
			.query(Long.class)
			.optional();
		return lastAlive.isPresent() && lastAlive.get() + this.graceMillis > System.currentTimeMillis();
	}

	private String schedulerName() {
		try {
			return this.scheduler.getObject().getSchedulerName();
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
