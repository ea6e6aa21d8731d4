package com.wedsync.calsync.scheduling;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.wedsync.calsync.integration.Integration;
import com.wedsync.calsync.integration.IntegrationChanged;
import com.wedsync.calsync.integration.IntegrationRepository;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the Quartz jobs in step with the integrations: on every change through the API,
 * and for all of them at startup (integrations connected before scheduling existed, jobs
 * of integrations removed while a node was down). Both are idempotent.
 */
@Component
class IntegrationScheduleFollower {

	private static final Log logger = LogFactory.getLog(IntegrationScheduleFollower.class);

	private final IntegrationRepository integrations;

	private final IntegrationSchedule schedule;

	IntegrationScheduleFollower(IntegrationRepository integrations, IntegrationSchedule schedule) {
		this.integrations = integrations;
		this.schedule = schedule;
	}

	// After the change commits (at once outside a transaction): a status set in its own
	// transaction by a failing sync is then visible to the scheduler's connection.
	@TransactionalEventListener(fallbackExecution = true)
	void onChange(IntegrationChanged changed) {
		this.integrations.find(changed.integrationId())
			.ifPresentOrElse(this.schedule::follow, () -> this.schedule.remove(changed.integrationId()));
	}

	@EventListener(ApplicationReadyEvent.class)
	void reconcile() {
		List<Integration> all = this.integrations.findAll(null);
		all.forEach(this.schedule::follow);
		Set<UUID> scheduled = this.schedule.scheduledIntegrations();
		all.forEach((integration) -> scheduled.remove(integration.id()));
		scheduled.forEach(this.schedule::remove);
		logger.info("Scheduled " + all.size() + " integration(s); removed " + scheduled.size() + " orphaned job(s)");
	}

}
