package com.wedsync.calsync.scheduling;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import com.wedsync.calsync.support.ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two clustered Quartz nodes (one scheduler name, instance ids {@code node-a} and
 * {@code node-b}) on the suite's PostgreSQL run an integration's production job detail
 * ({@link IntegrationSchedule#pollJob}: {@link IntegrationPollJob}, non-concurrent,
 * recovery requested) under its production poll trigger
 * ({@link IntegrationSchedule#pollTrigger}). The job instances are stand-ins (handed out
 * by the job factory) that take a while, as a sync does.
 * <p>
 * {@link ClusteredPollJobTests} shows that one job never runs twice at once; this class
 * shows that every fire of the shared trigger runs exactly once on one of the nodes, and
 * that a node dying in the middle of a run leaves the run to the other node, which
 * re-runs it as a recovery and keeps polling.
 */
@ApplicationTest
class SchedulerFailoverTests {

	private static final int INTERVAL_SECONDS = 1;

	@Autowired
	DataSource dataSource;

	final StandInPoll poll = new StandInPoll();

	QuartzClusterNodes nodes;

	@BeforeEach
	void setUpCluster() {
		// a cluster of its own per test: a node left dead by one test must not be
		// recovered
		// (or its stale rows met) by the next
		this.nodes = new QuartzClusterNodes("calsync-failover-test-" + UUID.randomUUID(), this.dataSource,
				(bundle, scheduler) -> this.poll);
	}

	@AfterEach
	void stopNodes() {
		this.poll.release.countDown();
		this.nodes.stopAll();
	}

	@Test
	void shouldRunEveryFireOfThePollTriggerExactlyOnceAcrossTheCluster() throws Exception {
		this.poll.runFor = Duration.ofMillis(1100);
		Scheduler a = this.nodes.start("node-a");
		Scheduler b = this.nodes.start("node-b");
		UUID integration = UUID.randomUUID();
		a.scheduleJob(IntegrationSchedule.pollJob(integration),
				IntegrationSchedule.pollTrigger(integration, INTERVAL_SECONDS));
		PollJobs.await("3 runs", () -> this.poll.finished.size() >= 3);
		// the node that ran first takes no more triggers: the other one continues
		(this.poll.finished.get(0).node().equals("node-a") ? a : b).standby();

		PollJobs.await("7 runs", () -> this.poll.finished.size() >= 7);
		a.pauseAll();

		List<Run> runs = List.copyOf(this.poll.finished);
		Map<Long, Long> runsPerScheduledFire = runs.stream()
			.collect(Collectors.groupingBy(Run::scheduledFireTime, Collectors.counting()));
		System.out.println("Runs by node: " + runs.stream().map(Run::node).toList());
		assertThat(runsPerScheduledFire).as("runs per scheduled fire time").allSatisfy((fire, count) -> {
			assertThat(count).isEqualTo(1);
		});
		assertThat(runs).map(Run::fireInstanceId).doesNotHaveDuplicates();
		// and none was left out: the runs are the consecutive fires of the trigger
		List<Long> fires = runsPerScheduledFire.keySet().stream().sorted().toList();
		for (int i = 1; i < fires.size(); i++) {
			assertThat(fires.get(i) - fires.get(i - 1)).as("time between consecutive fires of %s", fires)
				.isEqualTo(INTERVAL_SECONDS * 1000L);
		}
		assertThat(runs).noneMatch(Run::recovering);
		assertThat(runs).map(Run::node).contains("node-a", "node-b");
		// a run takes longer than the interval: the fires that came due meanwhile were
		// not run twice, nor side by side; each run starts after the previous one ended
		assertThat(this.poll.maxConcurrent).isEqualTo(1);
	}

	@Test
	void shouldRecoverTheRunOfANodeThatDiedMidRunOnTheOtherNode() throws Exception {
		this.poll.blockFirstRun = true;
		Scheduler a = this.nodes.start("node-a");
		Scheduler b = this.nodes.start("node-b");
		Map<String, Scheduler> byName = Map.of("node-a", a, "node-b", b);
		UUID integration = UUID.randomUUID();
		a.scheduleJob(IntegrationSchedule.pollJob(integration),
				IntegrationSchedule.pollTrigger(integration, INTERVAL_SECONDS));
		PollJobs.await("the first run to start", () -> !this.poll.started.isEmpty());
		Run first = this.poll.started.get(0);
		String survivor = first.node().equals("node-a") ? "node-b" : "node-a";

		// The node goes away without finishing the run or checking in again, as a
		// killed JVM would: its thread is left blocked, its state row ages.
		long died = System.nanoTime();
		byName.get(first.node()).shutdown(false);
		PollJobs.await("a recovering run", () -> this.poll.started.stream().anyMatch(Run::recovering));
		long recoveredAfter = (System.nanoTime() - died) / 1_000_000;
		PollJobs.await("a regular poll on the surviving node after the recovery",
				() -> this.poll.finished.stream().anyMatch((run) -> !run.recovering() && run.node().equals(survivor)));

		Run recovery = this.poll.started.stream().filter(Run::recovering).findFirst().orElseThrow();
		System.out.printf("%s died mid-run; %s recovered the run after %d ms%n", first.node(), survivor,
				recoveredAfter);
		assertThat(first.recovering()).isFalse();
		assertThat(recovery.node()).isEqualTo(survivor);
		assertThat(recovery.trigger()).startsWith(Scheduler.DEFAULT_RECOVERY_GROUP + ".");
		assertThat(recovery.integrationId()).isEqualTo(integration.toString());
		assertThat(this.poll.started.stream().filter(Run::recovering)).hasSize(1);
		assertThat(this.poll.started).filteredOn((run) -> !run.recovering())
			.map(Run::fireInstanceId)
			.doesNotHaveDuplicates();
		// only the dead node's blocked thread ran on it after it died
		assertThat(this.poll.started.subList(1, this.poll.started.size())).map(Run::node).containsOnly(survivor);
	}

	record Run(String node, String fireInstanceId, long scheduledFireTime, String trigger, boolean recovering,
			String integrationId) {

		static Run of(JobExecutionContext context) {
			try {
				return new Run(context.getScheduler().getSchedulerInstanceId(), context.getFireInstanceId(),
						context.getScheduledFireTime().getTime(), context.getTrigger().getKey().toString(),
						context.isRecovering(),
						context.getMergedJobDataMap().getString(IntegrationPollJob.INTEGRATION_ID));
			}
			catch (SchedulerException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/** Stands in for a poll that syncs: takes a while; the first run may block. */
	static final class StandInPoll implements Job {

		final List<Run> started = new CopyOnWriteArrayList<>();

		final List<Run> finished = new CopyOnWriteArrayList<>();

		final CountDownLatch release = new CountDownLatch(1);

		volatile Duration runFor = Duration.ofMillis(200);

		volatile boolean blockFirstRun;

		volatile int running;

		volatile int maxConcurrent;

		@Override
		public void execute(JobExecutionContext context) {
			Run run = Run.of(context);
			boolean first;
			synchronized (this) {
				first = this.started.isEmpty();
				this.started.add(run);
				this.running++;
				this.maxConcurrent = Math.max(this.maxConcurrent, this.running);
			}
			try {
				if (first && this.blockFirstRun) {
					this.release.await(60, TimeUnit.SECONDS);
				}
				else {
					Thread.sleep(this.runFor.toMillis());
				}
				this.finished.add(run);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				synchronized (this) {
					this.running--;
				}
			}
		}

	}

}
