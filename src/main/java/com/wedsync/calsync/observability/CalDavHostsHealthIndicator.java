package com.wedsync.calsync.observability;

import java.util.List;
import java.util.Map;

import com.wedsync.calsync.caldav.CalDavHosts;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code caldavHosts}: DEGRADED, never DOWN, while any host's circuit is open or half
 * open. Syncs of integrations on that host fail fast and are retried by their next
 * trigger; the node itself is fine and must not be taken out of service.
 */
@Component("caldavHostsHealthIndicator")
class CalDavHostsHealthIndicator implements HealthIndicator {

	private final CalDavHosts hosts;

	CalDavHostsHealthIndicator(CalDavHosts hosts) {
		this.hosts = hosts;
	}

	@Override
	public Health health() {
		Map<String, String> states = this.hosts.circuitStates();
		List<String> notClosed = states.entrySet()
			.stream()
			.filter((host) -> !host.getValue().equals("CLOSED"))
			.map(Map.Entry::getKey)
			.toList();
		Health.Builder health = notClosed.isEmpty() ? Health.up() : Health.status(HealthStatuses.DEGRADED);
		return health.withDetail("circuits", states).withDetail("unavailableHosts", notClosed).build();
	}

}
