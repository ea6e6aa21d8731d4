package com.wedsync.calsync.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.wedsync.calsync.integration.Calendar;
import com.wedsync.calsync.integration.CalendarRepository;
import com.wedsync.calsync.web.InvalidRequestException;
import com.wedsync.calsync.webhook.WebhookMetrics.Inbound;

import org.springframework.stereotype.Component;

/**
 * Takes in one change notice: the subscription must exist, the timestamp be recent, the
 * signature match and the body be well formed, in that order, before anything is stored;
 * then it is stored (a redelivery stores nothing) and a sync is asked for.
 */
@Component
class InboundDeliveries {

	private final WebhookSubscriptionRepository subscriptions;

	private final WebhookSecrets secrets;

	private final InboundDeliveryReader reader;

	private final CalendarRepository calendars;

	private final WebhookInbox inbox;

	private final WebhookWorkers workers;

	private final WebhookMetrics metrics;

	private final Duration tolerance;

	InboundDeliveries(WebhookSubscriptionRepository subscriptions, WebhookSecrets secrets, InboundDeliveryReader reader,
			CalendarRepository calendars, WebhookInbox inbox, WebhookWorkers workers, WebhookMetrics metrics,
			WebhookProperties properties) {
		this.subscriptions = subscriptions;
		this.secrets = secrets;
		this.reader = reader;
		this.calendars = calendars;
		this.inbox = inbox;
		this.workers = workers;
		this.metrics = metrics;
		this.tolerance = properties.inbound().timestampTolerance();
	}

	Result receive(String subscriptionId, String timestamp, String signature, byte[] body) {
		Instant receivedAt = Instant.now();
		Optional<WebhookSubscription> found = parseUuid(subscriptionId).flatMap(this.subscriptions::find);
		if (found.isEmpty()) {
			return refuse(Inbound.UNKNOWN_SUBSCRIPTION, "No webhook subscription " + subscriptionId);
		}
		WebhookSubscription subscription = found.get();
		Long signedAt = parseLong(timestamp);
		if (signedAt == null) {
			return refuse(Inbound.BAD_SIGNATURE,
					"Missing or malformed " + WebhookSignature.TIMESTAMP_HEADER + " (unix seconds)");
		}
		// Compared as seconds: a timestamp of any size is a stale one, never an overflow.
		long now = receivedAt.getEpochSecond();
		if (signedAt < now - this.tolerance.toSeconds() || signedAt > now + this.tolerance.toSeconds()) {
			return refuse(Inbound.STALE, "Stale " + WebhookSignature.TIMESTAMP_HEADER + ": more than "
					+ this.tolerance.toSeconds() + " s from the server's clock");
		}
		String secret = this.secrets.open(subscription.secret(), WebhookSecrets.subscriptionOwner(subscription.id()));
		if (!WebhookSignature.verify(secret, signedAt, body, signature)) {
			return refuse(Inbound.BAD_SIGNATURE, "The " + WebhookSignature.SIGNATURE_HEADER
					+ " header is missing or does not match the body and timestamp");
		}
		InboundDelivery delivery;
		try {
			delivery = this.reader.read(body);
		}
		catch (InvalidRequestException ex) {
			return refuse(Inbound.INVALID, ex.getMessage());
		}
		UUID calendarId = calendar(subscription.integrationId(), delivery.calendarUrl()).map(Calendar::id).orElse(null);
		boolean stored = this.inbox.store(subscription, delivery, calendarId, new String(body, StandardCharsets.UTF_8),
				receivedAt);
		this.metrics.inbound(stored ? Inbound.ACCEPTED : Inbound.DUPLICATE);
		if (stored) {
			this.workers.dispatchSoon();
		}
		return new Result(stored ? Inbound.ACCEPTED : Inbound.DUPLICATE, delivery.deliveryId());
	}

	/** The integration's calendar the notice names, matched by URL or path. */
	private Optional<Calendar> calendar(UUID integrationId, String calendarUrl) {
		String wanted = path(calendarUrl);
		return this.calendars.findByIntegration(integrationId)
			.stream()
			.filter((calendar) -> calendar.href().toString().equals(calendarUrl)
					|| path(calendar.href().toString()).equals(wanted))
			.findFirst();
	}

	private static String path(String url) {
		try {
			String path = URI.create(url).getPath();
			return (path == null) ? url : path.replaceAll("/+$", "");
		}
		catch (IllegalArgumentException ex) {
			return url;
		}
	}

	private Result refuse(Inbound outcome, String detail) {
		this.metrics.inbound(outcome);
		return new Result(outcome, detail);
	}

	private static Optional<UUID> parseUuid(String value) {
		try {
			return Optional.of(UUID.fromString(value));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static Long parseLong(String value) {
		try {
			return (value != null) ? Long.parseLong(value.trim()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * What came of a notice.
	 *
	 * @param text the delivery id when accepted or a duplicate, else why it was refused
	 */
	record Result(Inbound outcome, String text) {
	}

}
