package com.wedsync.calsync.webhook;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.wedsync.calsync.caldav.ForbiddenUrlException;
import com.wedsync.calsync.caldav.OutboundUrlPolicy;

import org.springframework.stereotype.Component;

/**
 * Posts one notification, signed like inbound notices ({@link WebhookSignature}), with
 * {@code X-Calsync-Event-Id} (the same on every attempt, for the receiver to drop
 * repeats) and {@code X-Calsync-Event-Type}. Redirects are not followed: a signed body
 * goes only where it was registered to go.
 */
@Component
class NotificationSender {

	/** Header naming the notification; repeated attempts carry the same id. */
	static final String EVENT_ID_HEADER = "X-Calsync-Event-Id";

	/** Header carrying the notification type, e.g. {@code event.updated}. */
	static final String EVENT_TYPE_HEADER = "X-Calsync-Event-Type";

	private final HttpClient http;

	private final Duration requestTimeout;

	private final OutboundUrlPolicy policy;

	NotificationSender(WebhookProperties properties, OutboundUrlPolicy policy) {
		this.policy = policy;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.outbound().connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.requestTimeout = properties.outbound().requestTimeout();
	}

	/** The endpoint's HTTP status; an exception when there was no answer. */
	int send(WebhookEndpoint endpoint, String secret, NotificationOutbox.Claimed notification)
			throws IOException, InterruptedException {
		// Checked again at each delivery: the name may resolve elsewhere since it was
		// registered. (A change between this check and the connection is not caught.)
		try {
			this.policy.check(endpoint.url());
		}
		catch (ForbiddenUrlException ex) {
			throw new IOException(ex.getMessage(), ex);
		}
		byte[] body = notification.payload().getBytes(StandardCharsets.UTF_8);
		long timestamp = Instant.now().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(endpoint.url())
			.timeout(this.requestTimeout)
			.header("Content-Type", "application/json")
			.header("User-Agent", "calsync-webhooks")
			.header(EVENT_ID_HEADER, notification.id().toString())
			.header(EVENT_TYPE_HEADER, notification.eventType())
			.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
			.header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
