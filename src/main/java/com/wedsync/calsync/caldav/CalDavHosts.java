package com.wedsync.calsync.caldav;

import java.util.Map;

/** The CalDAV hosts requests went to, and the state of each one's circuit breaker. */
public interface CalDavHosts {

	/**
	 * @return circuit state by host ({@code host:port} when a port was given): CLOSED,
	 * OPEN, HALF_OPEN, ...; hosts in name order
	 */
	Map<String, String> circuitStates();

}
