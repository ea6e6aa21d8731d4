package com.wedsync.calsync.scheduling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;

import com.wedsync.calsync.support.ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two clustered Quartz nodes on the suite's PostgreSQL share one integration's job: its
 * triggers fire on either node, but never two at once, because {@link IntegrationPollJob}
 * disallows concurrent execution. The job instances are stand-ins that block for a while
 * (the job factory hands them out); the concurrency rule comes from the production job
 * class, as Quartz reads it from the job detail.
 */
@ApplicationTest
class ClusteredPollJobTests {

	private static final int FIRES = 6;

	@Autowired
	Scheduler applicationScheduler;

	@Autowired
	DataSource dataSource;

	final BlockingJob blocking = new BlockingJob();

	QuartzClusterNodes nodes;

	@BeforeEach
	void setUpCluster() {
		this.nodes = new QuartzClusterNodes("calsync-cluster-test", this.dataSource,
				(bundle, scheduler) -> this.blocking);
	}

	@AfterEach
	void stopNodes() throws SchedulerException {
		this.nodes.stopAll();
	}

	@Test
	void shouldRunTheApplicationSchedulerClusteredOnTheDatabase() throws SchedulerException {
		assertThat(this.applicationScheduler.getMetaData().isJobStoreClustered()).isTrue();
		assertThat(this.applicationScheduler.getMetaData().isJobStoreSupportsPersistence()).isTrue();
		assertThat(QuartzJobStoreCustomizer.delegateFor("PostgreSQL")).isEqualTo(PostgreSQLDelegate.class);
		assertThat(QuartzJobStoreCustomizer.delegateFor("H2")).isEqualTo(StdJDBCDelegate.class);
	}

	@Test
	void shouldNeverRunOneIntegrationsJobTwiceAtOnceAcrossTheCluster() throws Exception {
		Scheduler a = node("node-a");
		Scheduler b = node("node-b");
		fireOneJobRepeatedly(IntegrationPollJob.class, a, b);
		PollJobs.await("2 executions", () -> this.blocking.executions.size() >= 2);
		// the node that ran first takes no more triggers; the other runs the rest, the
		// first of them while the last on the stopped node may still run
		(this.blocking.executions.get(0).equals("node-a") ? a : b).standby();

		PollJobs.await(FIRES + " executions", () -> this.blocking.executions.size() == FIRES);

		assertThat(this.blocking.maxConcurrent.get()).as("executions of one job at the same time").isEqualTo(1);
		assertThat(this.blocking.executions).contains("node-a", "node-b");
		System.out.println("Executions by node: " + this.blocking.executions);
	}

	@Test
	void shouldSeeParallelRunsOfAJobThatAllowsThemSoTheCheckAboveCanFail() throws Exception {
		Scheduler a = node("node-a");
		Scheduler b = node("node-b");
		fireOneJobRepeatedly(BlockingJob.class, a, b);

		PollJobs.await(FIRES + " executions", () -> this.blocking.executions.size() == FIRES);

		assertThat(this.blocking.maxConcurrent.get()).isGreaterThan(1);
	}

	private void fireOneJobRepeatedly(Class<? extends Job> jobClass, Scheduler a, Scheduler b)
			throws SchedulerException {
		JobKey key = IntegrationSchedule.jobKey(UUID.randomUUID());
		a.addJob(JobBuilder.newJob(jobClass).withIdentity(key).storeDurably().build(), false);
		for (int i = 0; i < FIRES; i++) {
			(i % 2 == 0 ? a : b).scheduleJob(TriggerBuilder.newTrigger().forJob(key).startNow().build());
		}
	}

	private Scheduler node(String instanceId) throws Exception {
		return this.nodes.start(instanceId);
	}

	/** Stands in for the poll: takes a while, and counts how many run at once. */
	static final class BlockingJob implements Job {

		final AtomicInteger running = new AtomicInteger();

		final AtomicInteger maxConcurrent = new AtomicInteger();

		final List<String> executions = Collections.synchronizedList(new ArrayList<>());

		@Override
		public void execute(JobExecutionContext context) {
			int now = this.running.incrementAndGet();
			this.maxConcurrent.accumulateAndGet(now, Math::max);
			try {
				Thread.sleep(300);
				this.executions.add(context.getScheduler().getSchedulerInstanceId());
			}
			catch (InterruptedException | SchedulerException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				this.running.decrementAndGet();
			}
		}

	}

}
