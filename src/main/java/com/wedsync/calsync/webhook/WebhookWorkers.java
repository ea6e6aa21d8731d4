package com.wedsync.calsync.webhook;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The two background loops of webhooks, on their own threads: the inbox dispatcher (every
 * {@code inbound.dispatch-interval}, and at once after a notice is stored) and the
 * outbound delivery worker (every {@code outbound.poll-interval}). Everything they work
 * on is in the database, so a restarted node simply carries on.
 */
@Component
class WebhookWorkers implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(WebhookWorkers.class);

	private final InboxDispatcher dispatcher;

	private final NotificationDeliveryWorker deliveries;

	private final WebhookProperties properties;

	private final AtomicBoolean dispatchQueued = new AtomicBoolean();

	private volatile ScheduledExecutorService executor;

	WebhookWorkers(InboxDispatcher dispatcher, NotificationDeliveryWorker deliveries, WebhookProperties properties) {
		this.dispatcher = dispatcher;
		this.deliveries = deliveries;
		this.properties = properties;
	}

	/** Looks at the inbox soon; requests made while one look is queued share it. */
	void dispatchSoon() {
		ScheduledExecutorService current = this.executor;
		if (current != null && this.dispatchQueued.compareAndSet(false, true)) {
			current.execute(this::dispatch);
		}
	}

	@Override
	public void start() {
		this.executor = Executors.newScheduledThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "webhook-worker");
			thread.setDaemon(true);
			return thread;
		});
		long dispatchMillis = this.properties.inbound().dispatchInterval().toMillis();
		long deliveryMillis = this.properties.outbound().pollInterval().toMillis();
		this.executor.scheduleWithFixedDelay(this::dispatch, 0, dispatchMillis, TimeUnit.MILLISECONDS);
		this.executor.scheduleWithFixedDelay(this::deliver, deliveryMillis, deliveryMillis, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		ScheduledExecutorService current = this.executor;
		this.executor = null;
		if (current == null) {
			return;
		}
		current.shutdown();
		try {
			if (!current.awaitTermination(10, TimeUnit.SECONDS)) {
				current.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			current.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	private void dispatch() {
		this.dispatchQueued.set(false);
		try {
			this.dispatcher.dispatch();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not turn webhook notices into syncs; will try again", ex);
		}
	}

	private void deliver() {
		try {
			while (this.executor != null && this.deliveries.deliverDue()) {
				// a full batch: there may be more due at once
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not deliver outbound notifications; will try again", ex);
		}
	}

}
