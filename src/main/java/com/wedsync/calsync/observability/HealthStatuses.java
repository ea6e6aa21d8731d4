package com.wedsync.calsync.observability;

import org.springframework.boot.health.contributor.Status;

/**
 * The custom health status. DEGRADED means the service works but something needs an
 * operator's look (a CalDAV host's circuit is open, changes wait too long): it ranks
 * between DOWN and UP and is answered with HTTP 200
 * ({@code management.endpoint.health.status.*}), so orchestrators do not restart a node
 * for a remote server's trouble.
 */
public final class HealthStatuses {

	public static final Status DEGRADED = new Status("DEGRADED");

	private HealthStatuses() {
	}

}
