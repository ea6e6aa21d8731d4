package com.wedsync.calsync.observability;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code syncBacklog}: the pending platform changes and the age of the oldest; DEGRADED
 * when an integration is past its interval or the oldest change is older than
 * {@code calsync.health.max-sync-lag} (default 1 h).
 */
@Component("syncBacklogHealthIndicator")
class SyncBacklogHealthIndicator implements HealthIndicator {

	private final SyncBacklogRepository backlog;

	private final Duration maxLag;

	SyncBacklogHealthIndicator(SyncBacklogRepository backlog,
			@Value("${calsync.health.max-sync-lag:1h}") Duration maxLag) {
		this.backlog = backlog;
		this.maxLag = maxLag;
	}

	@Override
	public Health health() {
		SyncBacklog now = this.backlog.snapshot();
		boolean late = now.integrationsBehind() > 0 || now.lag().compareTo(this.maxLag) > 0;
		return (late ? Health.status(HealthStatuses.DEGRADED) : Health.up())
			.withDetail("outboxBacklog", now.outboxBacklog())
			.withDetail("oldestChangeAgeSeconds", now.lag().toSeconds())
			.withDetail("integrationsBehind", now.integrationsBehind())
			.build();
	}

}
