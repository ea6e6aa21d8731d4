package com.wedsync.calsync.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import com.wedsync.calsync.support.ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trigger stored in a transaction fires as soon as the transaction commits, even when
 * the commit comes after Quartz's scheduler thread has already looked for it (the thread
 * is woken on store, finds the row not yet visible, and would otherwise sleep its idle
 * wait of up to 30 s).
 */
@ApplicationTest
class TriggerCommitSignalTests {

	private static final Map<String, Instant> FIRED = new ConcurrentHashMap<>();

	@Autowired
	Scheduler scheduler;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void shouldFireATriggerStoredInATransactionAsSoonAsTheTransactionCommits() throws Exception {
		JobKey job = new JobKey("commit-signal-" + UUID.randomUUID(), "test");
		this.scheduler.addJob(JobBuilder.newJob(RecordFiring.class).withIdentity(job).storeDurably().build(), false);
		Trigger now = TriggerBuilder.newTrigger().forJob(job).startNow().build();
		try {
			new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
				schedule(now);
				// the woken scheduler thread looks for due triggers meanwhile
				sleep(Duration.ofSeconds(1));
			});
			Instant committed = Instant.now();

			Awaitility.await("the job to fire")
				.atMost(Duration.ofSeconds(45))
				.until(() -> FIRED.containsKey(job.getName()));
			Duration commitToFire = Duration.between(committed, FIRED.get(job.getName()));
			System.out.println("Trigger stored in a transaction, commit to fire: " + commitToFire.toMillis() + " ms");
			assertThat(commitToFire).isLessThan(Duration.ofSeconds(3));
		}
		finally {
			this.scheduler.deleteJob(job);
		}
	}

	private void schedule(Trigger trigger) {
		try {
			this.scheduler.scheduleJob(trigger);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static class RecordFiring implements Job {

		@Override
		public void execute(JobExecutionContext context) {
			FIRED.put(context.getJobDetail().getKey().getName(), Instant.now());
		}

	}

}
