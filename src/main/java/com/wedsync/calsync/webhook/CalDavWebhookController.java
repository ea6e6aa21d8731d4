package com.wedsync.calsync.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.wedsync.calsync.webhook.InboundDeliveries.Result;
import com.wedsync.calsync.webhook.WebhookMetrics.Inbound;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/webhooks/caldav/{subscriptionId}}: change notices from CalDAV servers
 * or relays. Authenticated by the subscription's signature, not by API credentials. The
 * body is read as raw bytes (the signature covers them exactly), up to
 * {@code calsync.webhooks.inbound.max-body-size}. Answers 202 once the notice is stored;
 * the sync runs afterwards.
 */
@RestController
class CalDavWebhookController {

	private final InboundDeliveries deliveries;

	private final WebhookMetrics metrics;

	private final int maxBodyBytes;

	CalDavWebhookController(InboundDeliveries deliveries, WebhookMetrics metrics, WebhookProperties properties) {
		this.deliveries = deliveries;
		this.metrics = metrics;
		this.maxBodyBytes = (int) properties.inbound().maxBodySize().toBytes();
	}

	@PostMapping("/api/webhooks/caldav/{subscriptionId}")
	ResponseEntity<?> receive(@PathVariable String subscriptionId, HttpServletRequest request) throws IOException {
		byte[] body = (request.getContentLengthLong() > this.maxBodyBytes) ? null : read(request.getInputStream());
		if (body == null) {
			this.metrics.inbound(Inbound.INVALID);
			return problem(HttpStatus.CONTENT_TOO_LARGE, "The body is larger than " + this.maxBodyBytes + " bytes");
		}
		Result result = this.deliveries.receive(subscriptionId, request.getHeader(WebhookSignature.TIMESTAMP_HEADER),
				request.getHeader(WebhookSignature.SIGNATURE_HEADER), body);
		return switch (result.outcome()) {
			case ACCEPTED -> ResponseEntity.status(HttpStatus.ACCEPTED)
				.body(Map.of("deliveryId", result.text(), "status", "ACCEPTED"));
			case DUPLICATE -> ResponseEntity.ok(Map.of("deliveryId", result.text(), "status", "DUPLICATE"));
			case UNKNOWN_SUBSCRIPTION -> problem(HttpStatus.NOT_FOUND, result.text());
			case STALE, BAD_SIGNATURE -> problem(HttpStatus.UNAUTHORIZED, result.text());
			case INVALID -> problem(HttpStatus.BAD_REQUEST, result.text());
		};
	}

	/** The body, or {@code null} when it is longer than allowed. */
	private byte[] read(InputStream in) throws IOException {
		byte[] body = in.readNBytes(this.maxBodyBytes + 1);
		return (body.length > this.maxBodyBytes) ? null : body;
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
	}

}
