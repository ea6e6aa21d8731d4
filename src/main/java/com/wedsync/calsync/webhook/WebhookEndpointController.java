package com.wedsync.calsync.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.wedsync.calsync.security.TenantIds;
import com.wedsync.calsync.security.TenantScope;
import com.wedsync.calsync.web.InvalidRequestException;
import com.wedsync.calsync.web.ResourceNotFoundException;
import com.wedsync.calsync.webhook.NotificationOutbox.DeliveryStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/webhook-endpoints}: where a tenant's notifications go, and what became of
 * them. A tenant token manages its own tenant's endpoints; the admin names the tenant.
 * The secret is returned once, when created.
 */
@RestController
@RequestMapping("/api/webhook-endpoints")
class WebhookEndpointController {

	private static final int DELIVERY_LIST_LIMIT = 500;

	private final WebhookEndpointRepository endpoints;

	private final NotificationOutbox outbox;

	private final WebhookSecrets secrets;

	private final EndpointUrls urls;

	WebhookEndpointController(WebhookEndpointRepository endpoints, NotificationOutbox outbox, WebhookSecrets secrets,
			EndpointUrls urls) {
		this.endpoints = endpoints;
		this.outbox = outbox;
		this.secrets = secrets;
		this.urls = urls;
	}

	@PostMapping
	ResponseEntity<CreatedEndpoint> create(@Valid @RequestBody CreateEndpointRequest request) {
		String tenantId = TenantScope.resolve(request.tenantId(), "tenant", request.tenantId());
		if (tenantId == null) {
			throw new InvalidRequestException("tenantId", "tenantId is required");
		}
		URI url = this.urls.check(request.url());
		Set<String> types = eventTypes(request.events());
		UUID id = UUID.randomUUID();
		String secret = this.secrets.generate();
		this.endpoints.insert(id, tenantId, url, types, this.secrets.seal(secret, WebhookSecrets.endpointOwner(id)));
		return ResponseEntity.created(URI.create("/api/webhook-endpoints/" + id))
			.body(new CreatedEndpoint(id, tenantId, url, List.copyOf(types), secret));
	}

	@GetMapping
	List<EndpointResponse> list(@RequestParam(required = false) @Pattern(regexp = TenantIds.PATTERN,
			message = TenantIds.MESSAGE) String tenantId) {
		return this.endpoints.findAll(TenantScope.resolve(tenantId, "tenant", tenantId))
			.stream()
			.map(EndpointResponse::of)
			.toList();
	}

	@GetMapping("/{id}")
	EndpointResponse get(@PathVariable UUID id) {
		return EndpointResponse.of(find(id));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id) {
		find(id);
		if (!this.endpoints.delete(id)) {
			throw new ResourceNotFoundException("webhook endpoint", id);
		}
	}

	/**
	 * The delivery log: notifications to the endpoint, newest first, with their attempts.
	 */
	@GetMapping("/{id}/deliveries")
	List<NotificationOutbox.Delivery> deliveries(@PathVariable UUID id, @RequestParam(required = false) String status) {
		find(id);
		return this.outbox.deliveries(id, deliveryStatus(status), DELIVERY_LIST_LIMIT);
	}

	private WebhookEndpoint find(UUID id) {
		WebhookEndpoint endpoint = this.endpoints.find(id)
			.orElseThrow(() -> new ResourceNotFoundException("webhook endpoint", id));
		TenantScope.check(endpoint.tenantId(), "webhook endpoint", id);
		return endpoint;
	}

	private static Set<String> eventTypes(List<String> requested) {
		Set<String> types = new LinkedHashSet<>();
		for (String type : (requested != null) ? requested : List.<String>of()) {
			if (NotificationType.of(type).isEmpty()) {
				throw new InvalidRequestException("events",
						"unknown event type '" + type
								+ "'; known: event.created, event.updated, event.deleted, conflict.recorded, "
								+ "integration.auth_failed");
			}
			types.add(type);
		}
		return types;
	}

	private static DeliveryStatus deliveryStatus(String value) {
		if (value == null) {
			return null;
		}
		try {
			return DeliveryStatus.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("status",
					"status must be PENDING, DELIVERED or DEAD, not '" + value + "'");
		}
	}

	record CreateEndpointRequest(@Pattern(regexp = TenantIds.PATTERN, message = TenantIds.MESSAGE) String tenantId,
			@Size(max = 2000) String url, @Size(max = 10) List<String> events) {
	}

	/** The only answer that carries the secret. */
	record CreatedEndpoint(UUID id, String tenantId, URI url, List<String> events, String secret) {

		@Override
		public String toString() {
			return "CreatedEndpoint[id=" + this.id + ", tenantId=" + this.tenantId + ", url=" + this.url
					+ ", secret=***]";
		}

	}

	record EndpointResponse(UUID id, String tenantId, URI url, List<String> events, Instant createdAt) {

		static EndpointResponse of(WebhookEndpoint endpoint) {
			return new EndpointResponse(endpoint.id(), endpoint.tenantId(), endpoint.url(),
					List.copyOf(endpoint.eventTypes()), endpoint.createdAt());
		}

	}

}
