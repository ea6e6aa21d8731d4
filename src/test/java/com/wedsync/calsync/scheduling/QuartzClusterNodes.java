package com.wedsync.calsync.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.spi.JobFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

/**
 * Quartz nodes of one test cluster on the suite's PostgreSQL, next to the application's
 * own scheduler: same scheduler name (one cluster), distinct instance ids, check-ins
 * every second so failures are noticed in seconds. Not exposed in Quartz's JVM-wide
 * repository, so several nodes can live in this JVM.
 */
final class QuartzClusterNodes {

	// children before parents (foreign keys)
	private static final List<String> CLUSTER_TABLES = List.of("qrtz_simple_triggers", "qrtz_cron_triggers",
			"qrtz_simprop_triggers", "qrtz_blob_triggers", "qrtz_triggers", "qrtz_job_details", "qrtz_fired_triggers",
			"qrtz_calendars", "qrtz_paused_trigger_grps", "qrtz_scheduler_state", "qrtz_locks");

	private final String clusterName;

	private final DataSource dataSource;

	private final JobFactory jobFactory;

	private final List<SchedulerFactoryBean> nodes = new ArrayList<>();

	QuartzClusterNodes(String clusterName, DataSource dataSource, JobFactory jobFactory) {
		this.clusterName = clusterName;
		this.dataSource = dataSource;
		this.jobFactory = jobFactory;
	}

	Scheduler start(String instanceId) throws Exception {
		return start(instanceId, 3);
	}

	Scheduler start(String instanceId, int threads) throws Exception {
		SchedulerFactoryBean factory = new SchedulerFactoryBean();
		factory.setSchedulerName(this.clusterName);
		factory.setDataSource(this.dataSource);
		factory.setJobFactory(this.jobFactory);
		Properties properties = new Properties();
		properties.setProperty("org.quartz.scheduler.instanceId", instanceId);
		properties.setProperty("org.quartz.jobStore.isClustered", "true");
		properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", "1000");
		properties.setProperty(QuartzJobStoreCustomizer.JOB_STORE, CommitSignallingJobStore.class.getName());
		properties.setProperty(QuartzJobStoreCustomizer.DRIVER_DELEGATE, PostgreSQLDelegate.class.getName());
		properties.setProperty("org.quartz.jobStore.useProperties", "true");
		properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
		properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
		properties.setProperty("org.quartz.scheduler.idleWaitTime", "1000");
		factory.setQuartzProperties(properties);
		factory.afterPropertiesSet();
		factory.start();
		this.nodes.add(factory);
		return factory.getScheduler();
	}

	/**
	 * Shuts every node down (each waits for its running jobs), then deletes the cluster's
	 * rows. Not {@link Scheduler#clear()}: called outside a transaction it takes Quartz's
	 * row lock in auto-commit, so it is not serialised against the other nodes, and a
	 * node still firing or completing a job made it fail on a foreign key.
	 */
	void stopAll() {
		for (SchedulerFactoryBean node : this.nodes) {
			try {
				if (!node.getScheduler().isShutdown()) {
					node.getScheduler().shutdown(true);
				}
				node.destroy();
			}
			catch (SchedulerException ex) {
				throw new IllegalStateException(ex);
			}
		}
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		for (String table : CLUSTER_TABLES) {
			jdbc.sql("DELETE FROM " + table + " WHERE sched_name = ?").param(this.clusterName).update();
		}
	}

}
