package com.wedsync.calsync.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import com.wedsync.calsync.observability.CalSyncMetrics;

/**
 * Runs an integration's real Quartz job now (what its trigger does at the next interval)
 * and waits until it is done, and reads the meters the scheduling tests measure.
 */
final class PollJobs {

	private final Scheduler scheduler;

	private final MeterRegistry meters;

	PollJobs(Scheduler scheduler, MeterRegistry meters) {
		this.scheduler = scheduler;
		this.meters = meters;
	}

	/** Fires the poll job once and waits for its probe and whatever sync it started. */
	void pollNow(UUID integrationId) {
		double probesBefore = probes();
		try {
			this.scheduler.triggerJob(IntegrationSchedule.jobKey(integrationId));
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException(ex);
		}
		await("the probe of " + integrationId, () -> probes() > probesBefore);
		await("the poll job of " + integrationId + " to finish", () -> !executing(integrationId));
	}

	boolean executing(UUID integrationId) {
		try {
			return this.scheduler.getCurrentlyExecutingJobs()
				.stream()
				.anyMatch((job) -> job.getJobDetail().getKey().equals(IntegrationSchedule.jobKey(integrationId)));
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException(ex);
		}
	}

	double probes() {
		return this.meters.find(CalSyncMetrics.PROBES).counters().stream().mapToDouble(Counter::count).sum();
	}

	/** Polls put off without a probe: every scheduled-sync slot was busy. */
	double deferred() {
		return this.meters.find(CalSyncMetrics.POLLS_DEFERRED).counters().stream().mapToDouble(Counter::count).sum();
	}

	double probes(String outcome) {
		return this.meters.find(CalSyncMetrics.PROBES)
			.tag(CalSyncMetrics.TAG_OUTCOME, outcome)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	double caldavRequests() {
		return this.meters.find(CalSyncMetrics.CALDAV_REQUESTS).counters().stream().mapToDouble(Counter::count).sum();
	}

	static void await(String what, BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Timed out waiting for " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
