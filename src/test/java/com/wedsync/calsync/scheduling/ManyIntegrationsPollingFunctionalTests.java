package com.wedsync.calsync.scheduling;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;

import com.wedsync.calsync.batch.CalendarSyncJobFunctionalTestsSupport;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty integrations polled every two seconds by the application's real Quartz scheduler
 * against one local Radicale. Each integration is its own Radicale account with one small
 * calendar (a second Radicale process with 50 users), so a change on one account is a
 * change for exactly one integration, as with real iCloud accounts.
 * <p>
 * While nothing changes: no poll of an integration overlaps another of it (a listener on
 * the scheduler records each execution), every poll is one CalDAV request (the probe
 * counter and the request counter move in lockstep), and no sync or Spring Batch row
 * appears. Then an event is added on one account and the next poll of that integration,
 * and only that one, imports it.
 */
@ApplicationTest
class ManyIntegrationsPollingFunctionalTests {

	private static final int INTEGRATIONS = 50;

	private static final int INTERVAL_SECONDS = 2;

	private static final Duration STEADY_PHASE = Duration.ofSeconds(12);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Scheduler scheduler;

	@Autowired
	MeterRegistry meters;

	@Autowired
	IntegrationRepository integrationRepository;

	@Autowired
	IntegrationSchedule schedule;

	final PollRecorder recorder = new PollRecorder();

	@AfterEach
	void stopPolling() throws SchedulerException {
		this.scheduler.pauseTriggers(GroupMatcher.triggerGroupEquals(IntegrationSchedule.POLL_GROUP));
		this.scheduler.getListenerManager().removeJobListener(PollRecorder.NAME);
		PollJobs.await("the last polls to finish", this::nothingExecuting);
	}

	@Test
	void shouldPollFiftyIntegrationsWithOneRequestEachAndNoOverlapAndPickUpAChangeAtTheNextPoll() throws Exception {
		CalSyncApi api = new CalSyncApi(this.port);
		PollJobs polls = new PollJobs(this.scheduler, this.meters);
		List<CalDavTestServer> accounts = CalDavTestServers.radicaleAccounts(INTEGRATIONS);
		List<URI> calendars = new ArrayList<>();
		List<UUID> integrations = new ArrayList<>();
		for (CalDavTestServer account : accounts) {
			URI calendar = account.createCalendar("wedding");
			account.putEvent(calendar, "fitting.ics", CalendarSyncJobFunctionalTestsSupport
				.event("fitting-" + account.username() + "@many.example", "Dress fitting"));
			calendars.add(calendar);
			integrations.add(api.connect(account, "tenant-" + account.username()));
		}
		long firstSyncStarted = System.nanoTime();
		List<String> firstSyncs = integrations.stream()
			.map((id) -> api.post("/api/integrations/" + id + "/syncs", Map.of("reason", "first"))
				.expect(202)
				.body()
				.get("syncId")
				.asString())
			.toList();
		firstSyncs
			.forEach((syncId) -> assertThat(api.awaitEnd(syncId).get("status").asString()).isEqualTo("COMPLETED"));
		long firstSyncMillis = millisSince(firstSyncStarted);

		this.scheduler.getListenerManager()
			.addJobListener(this.recorder, GroupMatcher.jobGroupEquals(IntegrationSchedule.POLL_GROUP));
		double requests = polls.caldavRequests();
		double unchanged = polls.probes("unchanged");
		double changed = polls.probes("changed");
		double failed = polls.probes("failed");
		double deferred = polls.deferred();
		long jobExecutions = count("SELECT COUNT(*) FROM batch_job_execution");
		long syncRuns = count("SELECT COUNT(*) FROM sync_run");

		// the API refuses intervals under 60 s; the schedule takes what the row says
		long steadyStarted = System.nanoTime();
		for (UUID id : integrations) {
			this.integrationRepository.updatePollInterval(id, INTERVAL_SECONDS);
			this.schedule.follow(this.integrationRepository.find(id).orElseThrow());
		}
		Thread.sleep(STEADY_PHASE.toMillis());
		this.scheduler.pauseTriggers(GroupMatcher.triggerGroupEquals(IntegrationSchedule.POLL_GROUP));
		PollJobs.await("the polls under way to finish", this::nothingExecuting);
		long steadyMillis = millisSince(steadyStarted);

		double unchangedPolls = polls.probes("unchanged") - unchanged;
		double pollRequests = polls.caldavRequests() - requests;
		System.out.printf(
				"%d integrations: first syncs %d ms; steady phase %d ms at %d s intervals: %d polls (%.1f/s), "
						+ "%d CalDAV requests, fewest polls of one integration %d, most %d%n",
				INTEGRATIONS, firstSyncMillis, steadyMillis, INTERVAL_SECONDS, (long) unchangedPolls,
				unchangedPolls * 1000 / steadyMillis, (long) pollRequests, this.recorder.fewestPolls(integrations),
				this.recorder.mostPolls());
		assertThat(polls.probes("changed") - changed).as("polls that found a change").isZero();
		assertThat(polls.probes("failed") - failed).as("polls that failed").isZero();
		// each integration had ~6 polls due; allow for the first coming one interval in
		assertThat(this.recorder.fewestPolls(integrations)).as("polls of the least polled integration")
			.isGreaterThanOrEqualTo(4);
		// a poll that finds the node's slots busy with other polls' probes is put off
		// without a probe, and runs again shortly
		assertThat(unchangedPolls + polls.deferred() - deferred).isEqualTo(this.recorder.total());
		assertThat(pollRequests).as("CalDAV requests of %s unchanged polls", unchangedPolls).isEqualTo(unchangedPolls);
		assertThat(count("SELECT COUNT(*) FROM batch_job_execution")).as("job executions while nothing changed")
			.isEqualTo(jobExecutions);
		assertThat(count("SELECT COUNT(*) FROM sync_run")).isEqualTo(syncRuns);
		assertThat(this.recorder.maxConcurrentOfOneIntegration()).as("polls of one integration at once").isEqualTo(1);

		int chosen = 17;
		String uid = "added-on-phone@many.example";
		this.scheduler.resumeTriggers(GroupMatcher.triggerGroupEquals(IntegrationSchedule.POLL_GROUP));
		long added = System.nanoTime();
		accounts.get(chosen)
			.putEvent(calendars.get(chosen), "added.ics",
					CalendarSyncJobFunctionalTestsSupport.event(uid, "Florist call"));
		PollJobs.await("the added event to be imported",
				() -> count("SELECT COUNT(*) FROM wedding_event WHERE uid = '" + uid + "'") == 1);
		long pickedUpMillis = millisSince(added);
		PollJobs.await("the sync to complete", () -> count(
				"SELECT COUNT(*) FROM sync_run WHERE status = 'COMPLETED' AND trigger_type = 'SCHEDULED'") == 1);
		System.out.printf("Event added on one account imported by its next poll after %d ms%n", pickedUpMillis);
		assertThat(pickedUpMillis).as("added on the server to imported")
			.isLessThan(Duration.ofSeconds(3L * INTERVAL_SECONDS).toMillis());
		assertThat(this.jdbc.queryForList("SELECT integration_id FROM sync_run WHERE trigger_type = 'SCHEDULED'",
				UUID.class))
			.containsExactly(integrations.get(chosen));
		assertThat(count("SELECT COUNT(*) FROM batch_job_execution")).isEqualTo(jobExecutions + 1);
		assertThat(this.jdbc.queryForObject("SELECT tenant_id FROM wedding_event WHERE uid = ?", String.class, uid))
			.isEqualTo("tenant-" + accounts.get(chosen).username());
		assertThat(this.recorder.maxConcurrentOfOneIntegration()).isEqualTo(1);
		assertThat(overlappingJobExecutions()).as("Spring Batch executions of one integration that overlap").isEmpty();
	}

	/**
	 * Pairs of job executions of one integration whose start-to-end intervals overlap.
	 */
	private List<Map<String, Object>> overlappingJobExecutions() {
		String executions = "SELECT e.job_execution_id AS id, p.parameter_value AS integration, e.start_time, "
				+ "COALESCE(e.end_time, now()) AS end_time FROM batch_job_execution e "
				+ "JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id "
				+ "AND p.parameter_name = 'integrationId'";
		return this.jdbc.queryForList("WITH x AS (" + executions + ") SELECT a.id, b.id FROM x a JOIN x b "
				+ "ON a.integration = b.integration AND a.id < b.id "
				+ "AND a.start_time < b.end_time AND b.start_time < a.end_time");
	}

	private boolean nothingExecuting() {
		try {
			return this.scheduler.getCurrentlyExecutingJobs()
				.stream()
				.noneMatch((job) -> job.getJobDetail().getKey().getGroup().equals(IntegrationSchedule.POLL_GROUP));
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

	private static long millisSince(long nanoTime) {
		return (System.nanoTime() - nanoTime) / 1_000_000;
	}

	/** Counts poll executions per integration and how many of one ran at once. */
	static final class PollRecorder implements JobListener {

		static final String NAME = "many-integrations-poll-recorder";

		final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

		final Map<String, AtomicInteger> executed = new ConcurrentHashMap<>();

		final AtomicInteger maxConcurrent = new AtomicInteger();

		@Override
		public String getName() {
			return NAME;
		}

		@Override
		public void jobToBeExecuted(JobExecutionContext context) {
			int now = this.running.computeIfAbsent(key(context), (key) -> new AtomicInteger()).incrementAndGet();
			this.maxConcurrent.accumulateAndGet(now, Math::max);
		}

		@Override
		public void jobExecutionVetoed(JobExecutionContext context) {
		}

		@Override
		public void jobWasExecuted(JobExecutionContext context, JobExecutionException jobException) {
			this.running.get(key(context)).decrementAndGet();
			this.executed.computeIfAbsent(key(context), (key) -> new AtomicInteger()).incrementAndGet();
		}

		int maxConcurrentOfOneIntegration() {
			return this.maxConcurrent.get();
		}

		long total() {
			return this.executed.values().stream().mapToLong(AtomicInteger::get).sum();
		}

		int fewestPolls(List<UUID> integrations) {
			return integrations.stream()
				.mapToInt((id) -> this.executed.getOrDefault(id.toString(), new AtomicInteger()).get())
				.min()
				.orElse(0);
		}

		int mostPolls() {
			return this.executed.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
		}

		private static String key(JobExecutionContext context) {
			return context.getJobDetail().getKey().getName();
		}

	}

}
