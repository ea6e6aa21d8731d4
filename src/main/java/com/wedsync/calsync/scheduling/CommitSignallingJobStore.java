package com.wedsync.calsync.scheduling;

import org.quartz.JobDetail;
import org.quartz.JobPersistenceException;
import org.quartz.TriggerKey;
import org.quartz.spi.OperableTrigger;

import org.springframework.scheduling.quartz.LocalDataSourceJobStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's JDBC job store, waking Quartz's scheduler thread again once the transaction
 * that stored a trigger commits. Quartz wakes the thread as soon as the trigger is
 * stored; inside a transaction ({@link IntegrationSchedule} changes triggers in one, for
 * the cluster lock) the row is not visible yet, so the thread finds nothing due and
 * sleeps its idle wait of up to 30 s: an emergency sync meant to fire at once fired half
 * a minute late whenever the commit lost that race.
 */
public class CommitSignallingJobStore extends LocalDataSourceJobStore {

	@Override
	public void storeTrigger(OperableTrigger trigger, boolean replaceExisting) throws JobPersistenceException {
		super.storeTrigger(trigger, replaceExisting);
		signalAfterCommit(trigger);
	}

	@Override
	public void storeJobAndTrigger(JobDetail job, OperableTrigger trigger) throws JobPersistenceException {
		super.storeJobAndTrigger(job, trigger);
		signalAfterCommit(trigger);
	}

	@Override
	public boolean replaceTrigger(TriggerKey key, OperableTrigger trigger) throws JobPersistenceException {
		boolean replaced = super.replaceTrigger(key, trigger);
		if (replaced) {
			signalAfterCommit(trigger);
		}
		return replaced;
	}

	// Outside a transaction, Quartz's own signal comes after the commit already.
	private void signalAfterCommit(OperableTrigger trigger) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		long fireTime = (trigger.getNextFireTime() != null) ? trigger.getNextFireTime().getTime() : 0L;
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				signalSchedulingChangeImmediately(fireTime);
			}

		});
	}

}
