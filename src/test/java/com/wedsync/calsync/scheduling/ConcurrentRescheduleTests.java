package com.wedsync.calsync.scheduling;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SimpleTrigger;

import com.wedsync.calsync.integration.Integration;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.integration.IntegrationStatus;
import com.wedsync.calsync.integration.Provider;
import com.wedsync.calsync.support.ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nodes that follow the same interval change at the same moment (every node reconciles
 * its triggers at startup) both replace the poll trigger; one of them wins and neither
 * fails.
 */
@ApplicationTest
class ConcurrentRescheduleTests {

	private static final int FOLLOWERS = 6;

	private static final int ROUNDS = 15;

	@Autowired
	IntegrationSchedule schedule;

	@Autowired
	IntegrationRepository integrations;

	@Autowired
	Scheduler scheduler;

	@Test
	void shouldLetSimultaneousIntervalChangesOfOneTriggerAllSucceed() throws Exception {
		Integration integration = this.integrations.create("tenant-r", Provider.CALDAV,
				URI.create("http://127.0.0.1:1/"), "u", "p", 300);
		this.schedule.follow(integration);
		ExecutorService pool = Executors.newFixedThreadPool(FOLLOWERS);
		try {
			for (int round = 1; round <= ROUNDS; round++) {
				Integration changed = withInterval(integration, 300 + 60 * round);
				CountDownLatch start = new CountDownLatch(1);
				List<Future<?>> follows = new ArrayList<>();
				for (int i = 0; i < FOLLOWERS; i++) {
					follows.add(pool.submit(() -> {
						start.await();
						this.schedule.follow(changed);
						return null;
					}));
				}
				start.countDown();
				for (Future<?> follow : follows) {
					follow.get();
				}
				SimpleTrigger trigger = (SimpleTrigger) this.scheduler
					.getTrigger(IntegrationSchedule.pollKey(integration.id()));
				assertThat(trigger.getRepeatInterval()).isEqualTo(changed.pollIntervalSeconds() * 1000L);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static Integration withInterval(Integration integration, int seconds) {
		return new Integration(integration.id(), integration.tenantId(), integration.provider(),
				integration.serverUrl(), integration.username(), null, null, IntegrationStatus.ACTIVE, null, seconds,
				integration.createdAt(), Instant.now(), null);
	}

}
