package com.wedsync.calsync.observability;

import java.util.Locale;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import com.wedsync.calsync.integration.IntegrationStatus;

import org.springframework.stereotype.Component;

/**
 * Publishes the sync backlog as a few cluster-wide gauges rather than one series per
 * integration: the pending platform changes, the age of the oldest, how many integrations
 * are past their interval and how many there are by status. Every node reports the same
 * values (they come from the shared database), so alert rules take {@code max}.
 */
@Component
class SyncBacklogMetrics {

	SyncBacklogMetrics(SyncBacklogRepository backlog, MeterRegistry registry) {
		Gauge.builder(CalSyncMetrics.OUTBOX_BACKLOG, backlog, (b) -> b.snapshot().outboxBacklog())
			.description("Platform changes waiting to be written to a calendar")
			.register(registry);
		Gauge.builder(CalSyncMetrics.SYNC_LAG, backlog, (b) -> b.snapshot().lag().toMillis() / 1000.0)
			.description("Age of the oldest platform change not yet written to its calendar")
			.register(registry);
		Gauge.builder(CalSyncMetrics.INTEGRATIONS_BEHIND, backlog, (b) -> b.snapshot().integrationsBehind())
			.description("Active integrations past their poll interval")
			.register(registry);
		for (IntegrationStatus status : IntegrationStatus.values()) {
			Gauge
				.builder(CalSyncMetrics.INTEGRATIONS, backlog,
						(b) -> b.snapshot().integrationsByStatus().getOrDefault(status.name(), 0L))
				.description("Integrations by status")
				.tag(CalSyncMetrics.TAG_STATUS, status.name().toLowerCase(Locale.ROOT))
				.register(registry);
		}
	}

}
