package com.wedsync.calsync.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.wedsync.calsync.webhook.NotificationOutbox.Claimed;
import com.wedsync.calsync.webhook.WebhookMetrics.Outbound;

import org.springframework.stereotype.Component;

/**
 * Delivers due notifications at least once: a 2xx answer delivers one; anything else
 * (another status, no answer) is logged as an attempt and tried again after an
 * exponential backoff ({@code base-backoff × 2^(attempt-1)}, ±20 % jitter, at most
 * {@code max-backoff}), until {@code max-attempts}, then the notification is dead
 * ({@code DEAD}, kept with its log). A node that dies mid-delivery leaves a lease that
 * runs out, and another node sends the notification again.
 */
@Component
class NotificationDeliveryWorker {

	private static final Log logger = LogFactory.getLog(NotificationDeliveryWorker.class);

	private final NotificationOutbox outbox;

	private final WebhookEndpointRepository endpoints;

	private final WebhookSecrets secrets;

	private final NotificationSender sender;

	private final WebhookMetrics metrics;

	private final WebhookProperties.Outbound settings;

	NotificationDeliveryWorker(NotificationOutbox outbox, WebhookEndpointRepository endpoints, WebhookSecrets secrets,
			NotificationSender sender, WebhookMetrics metrics, WebhookProperties properties) {
		this.outbox = outbox;
		this.endpoints = endpoints;
		this.secrets = secrets;
		this.sender = sender;
		this.metrics = metrics;
		this.settings = properties.outbound();
	}

	/**
	 * Sends one batch of due notifications.
	 * @return whether the batch was full (more may be due)
	 */
	boolean deliverDue() {
		List<Claimed> due = this.outbox.claim(this.settings.batchSize(), this.settings.lease());
		for (Claimed notification : due) {
			try {
				deliver(notification);
			}
			catch (RuntimeException ex) {
				// e.g. its endpoint deleted mid-delivery; the lease runs out and a later
				// look settles it
				logger.warn("Could not record the delivery of notification " + notification.id(), ex);
			}
		}
		return due.size() == this.settings.batchSize();
	}

	private void deliver(Claimed notification) {
		Optional<WebhookEndpoint> endpoint = this.endpoints.find(notification.endpointId());
		if (endpoint.isEmpty()) {
			return; // deleted meanwhile: its notifications went with it
		}
		int attempt = notification.attempts() + 1;
		long started = System.nanoTime();
		Integer status = null;
		String error;
		try {
			String secret = this.secrets.open(endpoint.get().secret(),
					WebhookSecrets.endpointOwner(endpoint.get().id()));
			status = this.sender.send(endpoint.get(), secret, notification);
			error = (status / 100 == 2) ? null : "HTTP " + status;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		catch (Exception ex) {
			error = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
		}
		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		this.outbox.recordAttempt(notification.id(), attempt, status, error, millis);
		if (error == null) {
			this.outbox.markDelivered(notification.id(), attempt);
			this.metrics.outbound(Outbound.DELIVERED);
		}
		else if (attempt >= this.settings.maxAttempts()) {
			this.outbox.markDead(notification.id(), attempt, error);
			this.metrics.outbound(Outbound.DEAD_LETTERED);
			logger.warn("Notification " + notification.id() + " to endpoint " + notification.endpointId()
					+ " is dead after " + attempt + " attempts: " + error);
		}
		else {
			this.outbox.retryAt(notification.id(), attempt, Instant.now().plus(backoff(attempt)), error);
			this.metrics.outbound(Outbound.FAILED);
		}
	}

	/** The wait after the given (failed) attempt. */
	Duration backoff(int attempt) {
		long base = this.settings.baseBackoff().toMillis();
		long max = this.settings.maxBackoff().toMillis();
		long exponential = (attempt >= 31) ? max : Math.min(max, base << Math.max(0, attempt - 1));
		double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
		return Duration.ofMillis(Math.min(max, (long) (exponential * jitter)));
	}

}
