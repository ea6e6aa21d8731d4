package com.wedsync.calsync.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A CalDAV relay as the tests play it: posts change notices to a subscription, signed
 * with its secret at a chosen time.
 */
final class SignedDeliveries {

	private final URI base;

	private final String subscriptionId;

	private final String secret;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	SignedDeliveries(URI base, String subscriptionId, String secret) {
		this.base = base;
		this.subscriptionId = subscriptionId;
		this.secret = secret;
	}

	static String notice(String deliveryId, URI calendar) {
		return JsonMapper.builder()
			.build()
			.writeValueAsString(Map.of("deliveryId", deliveryId, "calendarUrl", calendar.toString(), "changeType",
					"updated", "eventUids", List.of("uid-1")));
	}

	/** Posts the notice signed now; returns the HTTP status. */
	int post(String body) {
		long now = Instant.now().getEpochSecond();
		return post(body, now, WebhookSignature.sign(this.secret, now, body.getBytes(StandardCharsets.UTF_8)));
	}

	int post(String body, long timestamp, String signature) {
		return send(this.subscriptionId, body, Long.toString(timestamp), signature).statusCode();
	}

	HttpResponse<String> send(String subscriptionId, String body, String timestamp, String signature) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(this.base.resolve("/api/webhooks/caldav/" + subscriptionId))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (timestamp != null) {
			request.header(WebhookSignature.TIMESTAMP_HEADER, timestamp);
		}
		if (signature != null) {
			request.header(WebhookSignature.SIGNATURE_HEADER, signature);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	String secret() {
		return this.secret;
	}

	JsonMapper json() {
		return this.json;
	}

}
