package com.wedsync.calsync.webhook;

import com.wedsync.calsync.integration.Integration;
import com.wedsync.calsync.scheduling.PollIntervalPolicy;

import org.springframework.stereotype.Component;

/**
 * Polling fallback: an integration with a webhook subscription is polled
 * {@code slowdown-factor} times less often, capped at {@code slowdown-cap}, but never
 * stops being polled: a notice is a hint, and one that never arrives must not leave a
 * calendar unsynced.
 */
@Component
class PushAwarePollInterval implements PollIntervalPolicy {

	private final WebhookSubscriptionRepository subscriptions;

	private final WebhookProperties.Polling polling;

	PushAwarePollInterval(WebhookSubscriptionRepository subscriptions, WebhookProperties properties) {
		this.subscriptions = subscriptions;
		this.polling = properties.polling();
	}

	@Override
	public int pollIntervalSeconds(Integration integration) {
		int own = integration.pollIntervalSeconds();
		if (!this.subscriptions.exists(integration.id())) {
			return own;
		}
		return stretched(own, this.polling.slowdownFactor(), (int) this.polling.slowdownCap().toSeconds());
	}

	/** {@code own × factor}, at most the cap, but never shorter than {@code own}. */
	static int stretched(int own, int factor, int capSeconds) {
		long longer = (long) own * Math.max(1, factor);
		return (int) Math.max(own, Math.min(longer, capSeconds));
	}

}
