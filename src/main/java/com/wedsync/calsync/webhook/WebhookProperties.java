package com.wedsync.calsync.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code calsync.webhooks.*}: inbound change notices, the polling fallback and outbound
 * notifications.
 */
@ConfigurationProperties("calsync.webhooks")
record WebhookProperties(@DefaultValue Inbound inbound, @DefaultValue Polling polling,
		@DefaultValue Outbound outbound) {

	/**
	 * @param timestampTolerance how far a delivery's timestamp may be from now, either
	 * way (replay protection)
	 * @param maxBodySize larger bodies are refused with 413 before anything is read
	 * further
	 * @param dispatchInterval how often stored deliveries that still wait for a sync (one
	 * was already running) are looked at again
	 */
	record Inbound(@DefaultValue("5m") Duration timestampTolerance, @DefaultValue("64KB") DataSize maxBodySize,
			@DefaultValue("1s") Duration dispatchInterval) {
	}

	/**
	 * @param slowdownFactor an integration with a webhook subscription is polled this
	 * many times less often
	 * @param slowdownCap but at least this often (an interval already longer is kept)
	 */
	record Polling(@DefaultValue("4") int slowdownFactor, @DefaultValue("1h") Duration slowdownCap) {
	}

	/**
	 * @param pollInterval how often the delivery worker looks for due notifications
	 * @param batchSize notifications claimed per look
	 * @param maxAttempts attempts before a notification is dead-lettered
	 * @param baseBackoff wait before the second attempt; doubles with each further one
	 * @param maxBackoff longest wait between two attempts
	 * @param lease how long a claimed notification is reserved for the node sending it;
	 * one whose node died is sent again after it
	 * @param connectTimeout connecting to an endpoint
	 * @param requestTimeout the whole request to an endpoint
	 */
	record Outbound(@DefaultValue("1s") Duration pollInterval, @DefaultValue("20") int batchSize,
			@DefaultValue("10") int maxAttempts, @DefaultValue("5s") Duration baseBackoff,
			@DefaultValue("1h") Duration maxBackoff, @DefaultValue("2m") Duration lease,
			@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration requestTimeout) {
	}

}
