package com.wedsync.calsync.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.wedsync.calsync.integration.Integration;
import com.wedsync.calsync.integration.IntegrationChanged;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.security.TenantScope;
import com.wedsync.calsync.web.ResourceNotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/integrations/{id}/webhook-subscriptions}: who may notify changes of an
 * integration's calendars. The secret is returned once, when created. Creating or
 * deleting one reschedules the integration's polling (see {@link PushAwarePollInterval}).
 */
@RestController
@RequestMapping("/api/integrations/{integrationId}/webhook-subscriptions")
class WebhookSubscriptionController {

	private final IntegrationRepository integrations;

	private final WebhookSubscriptionRepository subscriptions;

	private final WebhookSecrets secrets;

	private final ApplicationEventPublisher events;

	WebhookSubscriptionController(IntegrationRepository integrations, WebhookSubscriptionRepository subscriptions,
			WebhookSecrets secrets, ApplicationEventPublisher events) {
		this.integrations = integrations;
		this.subscriptions = subscriptions;
		this.secrets = secrets;
		this.events = events;
	}

	@PostMapping
	ResponseEntity<CreatedSubscription> create(@PathVariable UUID integrationId,
			@Valid @RequestBody(required = false) CreateSubscriptionRequest request) {
		Integration integration = integration(integrationId);
		UUID id = UUID.randomUUID();
		String secret = this.secrets.generate();
		String description = (request != null) ? request.description() : null;
		this.subscriptions.insert(id, integration.id(), description,
				this.secrets.seal(secret, WebhookSecrets.subscriptionOwner(id)));
		this.events.publishEvent(new IntegrationChanged(integrationId));
		return ResponseEntity.created(URI.create("/api/integrations/" + integrationId + "/webhook-subscriptions/" + id))
			.body(new CreatedSubscription(id, integrationId, description, "/api/webhooks/caldav/" + id, secret));
	}

	@GetMapping
	List<SubscriptionResponse> list(@PathVariable UUID integrationId) {
		integration(integrationId);
		return this.subscriptions.findByIntegration(integrationId)
			.stream()
			.map((s) -> new SubscriptionResponse(s.id(), s.integrationId(), s.description(),
					"/api/webhooks/caldav/" + s.id(), s.createdAt()))
			.toList();
	}

	@DeleteMapping("/{subscriptionId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID integrationId, @PathVariable UUID subscriptionId) {
		integration(integrationId);
		boolean owned = this.subscriptions.find(subscriptionId)
			.filter((s) -> s.integrationId().equals(integrationId))
			.isPresent();
		if (!owned || !this.subscriptions.delete(subscriptionId)) {
			throw new ResourceNotFoundException("webhook subscription", subscriptionId);
		}
		this.events.publishEvent(new IntegrationChanged(integrationId));
	}

	private Integration integration(UUID id) {
		Integration integration = this.integrations.find(id)
			.orElseThrow(() -> new ResourceNotFoundException("integration", id));
		TenantScope.check(integration.tenantId(), "integration", id);
		return integration;
	}

	record CreateSubscriptionRequest(@Size(max = 200) String description) {
	}

	/** The only answer that carries the secret. */
	record CreatedSubscription(UUID id, UUID integrationId, String description, String deliveryPath, String secret) {

		@Override
		public String toString() {
			return "CreatedSubscription[id=" + this.id + ", integrationId=" + this.integrationId + ", secret=***]";
		}

	}

	record SubscriptionResponse(UUID id, UUID integrationId, String description, String deliveryPath,
			Instant createdAt) {
	}

}
