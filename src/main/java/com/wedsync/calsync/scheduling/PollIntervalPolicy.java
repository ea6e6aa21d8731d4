package com.wedsync.calsync.scheduling;

import com.wedsync.calsync.integration.Integration;

/**
 * How often an integration is actually polled. Without a policy bean it is the
 * integration's own interval; a feature that learns of changes another way (webhook
 * subscriptions) may stretch it, never stop it. Rescheduling follows
 * {@link com.wedsync.calsync.integration.IntegrationChanged}.
 */
public interface PollIntervalPolicy {

	/** The poll interval to schedule, in seconds, at least one. */
	int pollIntervalSeconds(Integration integration);

}
