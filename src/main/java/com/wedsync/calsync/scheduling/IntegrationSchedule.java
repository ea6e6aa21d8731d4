package com.wedsync.calsync.scheduling;

import java.time.Duration;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import com.wedsync.calsync.integration.Integration;
import com.wedsync.calsync.integration.IntegrationStatus;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

/**
 * The Quartz side of integrations: one durable job per integration
 * ({@link IntegrationPollJob}, key = the integration id) with a repeating poll trigger at
 * the integration's interval, and at most one one-shot emergency trigger. Every method is
 * idempotent, so nodes of a cluster and restarts can apply the same state again.
 */
@Component
public class IntegrationSchedule {

	static final String POLL_GROUP = "integration-poll";

	static final String EMERGENCY_GROUP = "emergency";

	static final String DEFERRED_GROUP = "deferred-poll";

	/** How soon a poll that found a change but no free sync slot polls again. */
	static final Duration DEFERRED_POLL_DELAY = Duration.ofSeconds(5);

	/** Quartz fires the highest priority first when triggers are due at once. */
	static final int POLL_PRIORITY = Trigger.DEFAULT_PRIORITY;

	static final int EMERGENCY_PRIORITY = Integer.MAX_VALUE;

	private final Scheduler scheduler;

	private final PollIntervalPolicy intervals;

	private final TransactionTemplate transaction;

	IntegrationSchedule(Scheduler scheduler, ObjectProvider<PollIntervalPolicy> intervals,
			PlatformTransactionManager transactionManager) {
		this.scheduler = scheduler;
		// Quartz's job store takes its cluster lock (a QRTZ_LOCKS row) in the caller's
		// transaction; without one the lock ends with each statement, and nodes changing
		// one trigger at once collide inside Quartz's delete-then-insert.
		this.transaction = new TransactionTemplate(transactionManager);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.intervals = intervals.getIfAvailable(() -> Integration::pollIntervalSeconds);
	}

	/** Makes the scheduler follow the integration's status and poll interval. */
	public void follow(Integration integration) {
		if (integration.status() == IntegrationStatus.AUTH_FAILED) {
			remove(integration.id());
			return;
		}
		this.transaction.executeWithoutResult((status) -> followInTransaction(integration));
	}

	private void followInTransaction(Integration integration) {
		try {
			ensureJob(integration.id());
			SimpleTrigger current = (SimpleTrigger) this.scheduler.getTrigger(pollKey(integration.id()));
			int interval = this.intervals.pollIntervalSeconds(integration);
			Trigger wanted = pollTrigger(integration.id(), interval);
			if (current == null) {
				scheduleIfAbsent(wanted);
			}
			else if (current.getRepeatInterval() != interval * 1000L) {
				this.scheduler.rescheduleJob(current.getKey(), wanted);
			}
			if (integration.status() == IntegrationStatus.PAUSED) {
				this.scheduler.pauseTrigger(pollKey(integration.id()));
			}
			else {
				this.scheduler.resumeTrigger(pollKey(integration.id()));
			}
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot schedule integration " + integration.id(), ex);
		}
	}

	/** Stops polling an integration: its job and every trigger of it go. */
	public void remove(UUID integrationId) {
		this.transaction.executeWithoutResult((status) -> removeInTransaction(integrationId));
	}

	private void removeInTransaction(UUID integrationId) {
		try {
			this.scheduler.deleteJob(jobKey(integrationId));
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot unschedule integration " + integrationId, ex);
		}
	}

	/**
	 * Fires the integration's job now, ahead of every poll, for one queued sync; does
	 * nothing when an emergency trigger of the integration is already waiting.
	 */
	public void fireEmergency(UUID integrationId, UUID syncId) {
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(integrationId.toString(), EMERGENCY_GROUP)
			.forJob(jobKey(integrationId))
			.usingJobData(IntegrationPollJob.SYNC_ID, syncId.toString())
			.withPriority(EMERGENCY_PRIORITY)
			.startNow()
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
			.build();
		this.transaction.executeWithoutResult((status) -> {
			try {
				ensureJob(integrationId);
				scheduleIfAbsent(trigger);
			}
			catch (SchedulerException ex) {
				throw new IllegalStateException("Cannot fire an emergency sync of " + integrationId, ex);
			}
		});
	}

	/**
	 * Polls the integration again shortly, once. Called from a deferred poll itself, it
	 * replaces that poll's spent trigger (Quartz keeps a trigger rescheduled during its
	 * own execution); a deferred poll already waiting moves to the new time.
	 */
	void deferPoll(UUID integrationId) {
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(integrationId.toString(), DEFERRED_GROUP)
			.forJob(jobKey(integrationId))
			.withPriority(POLL_PRIORITY)
			.startAt(new Date(System.currentTimeMillis() + DEFERRED_POLL_DELAY.toMillis()))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
			.build();
		try {
			if (this.scheduler.rescheduleJob(trigger.getKey(), trigger) == null) {
				scheduleIfAbsent(trigger);
			}
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot defer the poll of " + integrationId, ex);
		}
	}

	/** The integrations that have a job, on any node. */
	Set<UUID> scheduledIntegrations() {
		try {
			return this.scheduler.getJobKeys(GroupMatcher.jobGroupEquals(POLL_GROUP))
				.stream()
				.map((key) -> UUID.fromString(key.getName()))
				.collect(Collectors.toSet());
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot list scheduled integrations", ex);
		}
	}

	static JobKey jobKey(UUID integrationId) {
		return new JobKey(integrationId.toString(), POLL_GROUP);
	}

	static TriggerKey pollKey(UUID integrationId) {
		return new TriggerKey(integrationId.toString(), POLL_GROUP);
	}

	static TriggerKey emergencyKey(UUID integrationId) {
		return new TriggerKey(integrationId.toString(), EMERGENCY_GROUP);
	}

	private void ensureJob(UUID integrationId) throws SchedulerException {
		if (this.scheduler.checkExists(jobKey(integrationId))) {
			return;
		}
		try {
			this.scheduler.addJob(pollJob(integrationId), false);
		}
		catch (ObjectAlreadyExistsException raced) {
			// another node added it first
		}
	}

	// Durable: the job outlives its one-shot emergency triggers. Recovery: a node that
	// dies mid-sync leaves the poll to be run again by another node.
	static JobDetail pollJob(UUID integrationId) {
		return JobBuilder.newJob(IntegrationPollJob.class)
			.withIdentity(jobKey(integrationId))
			.usingJobData(IntegrationPollJob.INTEGRATION_ID, integrationId.toString())
			.storeDurably()
			.requestRecovery()
			.build();
	}

	private void scheduleIfAbsent(Trigger trigger) throws SchedulerException {
		try {
			this.scheduler.scheduleJob(trigger);
		}
		catch (ObjectAlreadyExistsException raced) {
			// another node or request scheduled it first
		}
	}

	// The first poll comes one interval after the integration was connected (the client
	// asks for the first sync). A poll missed while no node ran fires once, at once, and
	// the interval continues from there: missed polls are not replayed one by one.
	static Trigger pollTrigger(UUID integrationId, int intervalSeconds) {
		return TriggerBuilder.newTrigger()
			.withIdentity(pollKey(integrationId))
			.forJob(jobKey(integrationId))
			.withPriority(POLL_PRIORITY)
			.startAt(new Date(System.currentTimeMillis() + intervalSeconds * 1000L))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule()
				.withIntervalInSeconds(intervalSeconds)
				.repeatForever()
				.withMisfireHandlingInstructionNowWithExistingCount())
			.build();
	}

}
