package com.wedsync.calsync.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.KeyMatcher;
import org.quartz.listeners.JobListenerSupport;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;
import com.wedsync.calsync.testpeers.HungHost;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A CalDAV host that accepts connections and never answers, with ten integrations on it
 * syncing at once: each of their syncs fails within one read timeout and the host's queue
 * wait, the host never holds more requests than its bulkhead allows, and meanwhile an
 * emergency sync of an integration on a healthy server completes at once.
 */
@ApplicationTest
// The production bulkhead and read timeout (the suite's profile widens the bulkhead).
@TestPropertySource(properties = { "calsync.caldav.resilience.host-concurrent-requests=3",
		"calsync.caldav.resilience.host-queue-wait=2s", "calsync.caldav.read-timeout=20s" })
class HungHostFunctionalTests {

	private static final int ON_HUNG_HOST = 10;

	/** The healthy integration's poll interval while the host hangs. */
	private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

	@LocalServerPort
	int port;

	@Autowired
	Scheduler scheduler;

	@Autowired
	IntegrationRepository integrations;

	@Autowired
	IntegrationSchedule schedule;

	@Test
	@Timeout(240)
	void shouldFailTheHungHostsSyncsQuicklyWhileAnotherServerSyncsAndPollsOnTime() throws Exception {
		CalSyncApi api = new CalSyncApi(this.port);
		CalDavTestServer radicale = CalDavTestServers.radicale();
		radicale.createCalendar("healthy-" + UUID.randomUUID().toString().substring(0, 6));
		UUID healthy = api.connect(radicale, "tenant-healthy");
		assertThat(api.syncAndWait(healthy).get("status").asString()).isEqualTo("COMPLETED");
		PollTimes polls = new PollTimes(IntegrationSchedule.jobKey(healthy));
		this.scheduler.getListenerManager().addJobListener(polls, KeyMatcher.keyEquals(polls.job));
		// the API refuses intervals under 60 s; the schedule takes what the row says
		this.integrations.updatePollInterval(healthy, (int) POLL_INTERVAL.toSeconds());
		this.schedule.follow(this.integrations.find(healthy).orElseThrow());
		try (HungHost hung = new HungHost()) {
			Instant hangStarted = Instant.now();
			List<String> stuck = new ArrayList<>();
			for (int i = 0; i < ON_HUNG_HOST; i++) {
				UUID integration = UUID.fromString(api
					.post("/api/integrations",
							Map.of("tenantId", "tenant-hung-" + i, "provider", "CALDAV", "serverUrl",
									hung.baseUrl().toString(), "username", "planner", "password", "app-password"))
					.expect(201)
					.body()
					.get("id")
					.asString());
				stuck.add(api.post("/api/integrations/" + integration + "/syncs", Map.of("reason", "hung host"))
					.expect(202)
					.body()
					.get("syncId")
					.asString());
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> hung.accepted() >= 1);

			Instant asked = Instant.now();
			JsonNode emergency = api.awaitEnd(api
				.post("/api/integrations/" + healthy + "/syncs", Map.of("priority", "EMERGENCY", "reason", "vows"))
				.expect(202)
				.body()
				.get("syncId")
				.asString());
			Duration emergencyTook = Duration.between(asked, Instant.now());

			Duration slowestFailure = Duration.ZERO;
			for (String syncId : stuck) {
				JsonNode report = api.awaitEnd(syncId);
				assertThat(report.get("status").asString()).isEqualTo("FAILED");
				slowestFailure = max(slowestFailure,
						Duration.between(Instant.parse(report.get("requestedAt").asString()),
								Instant.parse(report.get("endedAt").asString())));
			}
			Instant hangEnded = Instant.now();
			Duration longestGap = polls.longestGap(hangStarted, hangEnded);
			System.out.printf(
					"Hung host: emergency sync elsewhere %d ms, slowest of %d failures %d ms,"
							+ " at most %d connections open at once; healthy integration polled %d times in %d ms"
							+ " at %d s intervals, longest gap %d ms%n",
					emergencyTook.toMillis(), ON_HUNG_HOST, slowestFailure.toMillis(), hung.mostOpenAtOnce(),
					polls.between(hangStarted, hangEnded).size(), Duration.between(hangStarted, hangEnded).toMillis(),
					POLL_INTERVAL.toSeconds(), longestGap.toMillis());
			assertThat(emergency.get("status").asString()).isEqualTo("COMPLETED");
			assertThat(emergencyTook).isLessThan(Duration.ofSeconds(5));
			assertThat(slowestFailure).isLessThanOrEqualTo(Duration.ofSeconds(40));
			assertThat(hung.mostOpenAtOnce()).isLessThanOrEqualTo(3);
			// due every 2 s; a poll may wait for the emergency sync of the same
			// integration, or be put off 5 s when every slot is busy
			assertThat(longestGap).isLessThan(Duration.ofSeconds(15));
		}
		finally {
			this.scheduler.getListenerManager().removeJobListener(polls.getName());
			this.schedule.remove(healthy);
		}
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	/** When one integration's poll jobs started. */
	private static final class PollTimes extends JobListenerSupport {

		final JobKey job;

		private final List<Instant> started = new CopyOnWriteArrayList<>();

		PollTimes(JobKey job) {
			this.job = job;
		}

		@Override
		public String getName() {
			return "hung-host-poll-times";
		}

		@Override
		public void jobToBeExecuted(JobExecutionContext context) {
			this.started.add(Instant.now());
		}

		List<Instant> between(Instant from, Instant to) {
			return this.started.stream().filter((at) -> !at.isBefore(from) && !at.isAfter(to)).toList();
		}

		/** The longest time without a poll from {@code from} to {@code to}. */
		Duration longestGap(Instant from, Instant to) {
			Duration longest = Duration.ZERO;
			Instant previous = from;
			for (Instant at : between(from, to)) {
				longest = max(longest, Duration.between(previous, at));
				previous = at;
			}
			return max(longest, Duration.between(previous, to));
		}

	}

}
