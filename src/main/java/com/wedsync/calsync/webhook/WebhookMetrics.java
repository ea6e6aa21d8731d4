package com.wedsync.calsync.webhook;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import com.wedsync.calsync.observability.CalSyncMetrics;

import org.springframework.stereotype.Component;

/**
 * Counters of inbound deliveries and outbound attempts, one series per outcome registered
 * at startup (so a dashboard shows 0, not "no data", before the first one), and the
 * outbox backlog, read from the table at each scrape so every node reports the same.
 */
@Component
class WebhookMetrics {

	/** What came of an inbound delivery. */
	enum Inbound {

		ACCEPTED, DUPLICATE, BAD_SIGNATURE, STALE, UNKNOWN_SUBSCRIPTION, INVALID

	}

	/** What came of one outbound attempt. */
	enum Outbound {

		DELIVERED, FAILED, DEAD_LETTERED

	}

	private final Map<Inbound, Counter> inbound = new EnumMap<>(Inbound.class);

	private final Map<Outbound, Counter> outbound = new EnumMap<>(Outbound.class);

	WebhookMetrics(MeterRegistry registry, NotificationOutbox outbox) {
		for (Inbound outcome : Inbound.values()) {
			this.inbound.put(outcome,
					Counter.builder(CalSyncMetrics.WEBHOOK_DELIVERIES_IN)
						.description("Inbound webhook deliveries by outcome")
						.tag(CalSyncMetrics.TAG_OUTCOME, tag(outcome))
						.register(registry));
		}
		for (Outbound outcome : Outbound.values()) {
			this.outbound.put(outcome,
					Counter.builder(CalSyncMetrics.WEBHOOK_DELIVERIES_OUT)
						.description("Outbound notification attempts by outcome")
						.tag(CalSyncMetrics.TAG_OUTCOME, tag(outcome))
						.register(registry));
		}
		Gauge.builder(CalSyncMetrics.WEBHOOK_OUTBOX_BACKLOG, outbox, NotificationOutbox::countPending)
			.description("Outbound notifications not yet delivered nor dead-lettered")
			.register(registry);
	}

	void inbound(Inbound outcome) {
		this.inbound.get(outcome).increment();
	}

	void outbound(Outbound outcome) {
		this.outbound.get(outcome).increment();
	}

	private static String tag(Enum<?> outcome) {
		return outcome.name().toLowerCase(Locale.ROOT);
	}

}
