package com.wedsync.calsync.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;

import com.wedsync.calsync.batch.SyncRun.SyncPriority;
import com.wedsync.calsync.batch.SyncRun.SyncTrigger;
import com.wedsync.calsync.batch.SyncRunRepository;
import com.wedsync.calsync.batch.SyncRunRepository.Claim;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.integration.Provider;
import com.wedsync.calsync.support.ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster runs on the database, and an integration never syncs twice at once anywhere
 * in it. Quartz's {@code @DisallowConcurrentExecution} is not relied on for that: across
 * nodes it can let two triggers of one job overlap (quartz-scheduler issues 674 and
 * 1287), and calsync's jobs have several (poll, deferred poll, emergency). The guarantee
 * is the claim of a sync under the integration's row lock, which every path that starts a
 * sync goes through.
 */
@ApplicationTest
class ClusteredPollJobTests {

	private static final int CONTENDERS = 8;

	@Autowired
	Scheduler applicationScheduler;

	@Autowired
	SyncRunRepository syncRuns;

	@Autowired
	IntegrationRepository integrations;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldRunTheApplicationSchedulerClusteredOnTheDatabase() throws SchedulerException {
		assertThat(this.applicationScheduler.getMetaData().isJobStoreClustered()).isTrue();
		assertThat(this.applicationScheduler.getMetaData().isJobStoreSupportsPersistence()).isTrue();
		assertThat(QuartzJobStoreCustomizer.delegateFor("PostgreSQL")).isEqualTo(PostgreSQLDelegate.class);
		assertThat(QuartzJobStoreCustomizer.delegateFor("H2")).isEqualTo(StdJDBCDelegate.class);
	}

	@Test
	void shouldLetOnlyOneOfManySimultaneousStartersCreateASync() throws Exception {
		UUID integration = this.integrations
			.create("tenant-c", Provider.CALDAV, java.net.URI.create("http://127.0.0.1:1/"), "u", "p", 300)
			.id();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(CONTENDERS);
		List<Future<Claim>> claims = new ArrayList<>();
		try {
			for (int i = 0; i < CONTENDERS; i++) {
				SyncTrigger trigger = (i % 2 == 0) ? SyncTrigger.SCHEDULED : SyncTrigger.EMERGENCY;
				Callable<Claim> claim = () -> {
					start.await();
					return this.syncRuns.claim(integration, trigger, SyncPriority.NORMAL, "race");
				};
				claims.add(pool.submit(claim));
			}
			start.countDown();
			List<Claim> results = new ArrayList<>();
			for (Future<Claim> claim : claims) {
				results.add(claim.get());
			}

			assertThat(results).filteredOn(Claim::created).hasSize(1);
			assertThat(results).extracting((claim) -> claim.run().id()).containsOnly(results.get(0).run().id());
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM sync_run WHERE integration_id = ?", Integer.class,
					integration))
				.isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
