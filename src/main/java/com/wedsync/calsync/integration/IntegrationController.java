package com.wedsync.calsync.integration;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.wedsync.calsync.caldav.ForbiddenUrlException;
import com.wedsync.calsync.caldav.UnresolvableHostException;
import com.wedsync.calsync.caldav.OutboundUrlPolicy;
import com.wedsync.calsync.security.TenantIds;
import com.wedsync.calsync.security.TenantScope;
import com.wedsync.calsync.web.InvalidRequestException;
import com.wedsync.calsync.web.ResourceNotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/integrations}: connect, list, change and remove CalDAV accounts. */
@RestController
@RequestMapping("/api/integrations")
class IntegrationController {

	private final IntegrationRepository integrations;

	private final CalendarRepository calendars;

	private final ApplicationEventPublisher events;

	private final OutboundUrlPolicy urlPolicy;

	private final int defaultPollIntervalSeconds;

	IntegrationController(IntegrationRepository integrations, CalendarRepository calendars,
			ApplicationEventPublisher events, OutboundUrlPolicy urlPolicy,
			@Value("${calsync.integrations.default-poll-interval:300s}") Duration defaultPollInterval) {
		this.integrations = integrations;
		this.calendars = calendars;
		this.events = events;
		this.urlPolicy = urlPolicy;
		this.defaultPollIntervalSeconds = (int) defaultPollInterval.toSeconds();
	}

	@PostMapping
	ResponseEntity<IntegrationResponse> create(@Valid @RequestBody CreateIntegrationRequest request) {
		Provider provider = provider(request.provider());
		URI serverUrl = serverUrl(provider, request.serverUrl());
		try {
			this.urlPolicy.check(serverUrl);
		}
		catch (UnresolvableHostException ex) {
			// Accepted: a name that does not resolve right now (a DNS hiccup) is no
			// reason to refuse the account. Every request checks the URL again, and
			// connections go only to addresses the policy resolved and allowed.
		}
		catch (ForbiddenUrlException ex) {
			throw new InvalidRequestException("serverUrl", "serverUrl is not allowed: " + ex.getReason());
		}
		int interval = (request.pollIntervalSeconds() != null) ? request.pollIntervalSeconds()
				: this.defaultPollIntervalSeconds;
		String tenantId = TenantScope.resolve(request.tenantId(), "tenant", request.tenantId());
		if (tenantId == null) {
			throw new InvalidRequestException("tenantId is required");
		}
		Integration created = this.integrations.create(tenantId, provider, serverUrl, request.username(),
				request.password(), interval);
		this.events.publishEvent(new IntegrationChanged(created.id()));
		return ResponseEntity.created(URI.create("/api/integrations/" + created.id())).body(response(created));
	}

	@GetMapping
	List<IntegrationResponse> list(@RequestParam(required = false) @Pattern(regexp = TenantIds.PATTERN,
			message = TenantIds.MESSAGE) String tenantId) {
		return this.integrations.findAll(TenantScope.resolve(tenantId, "tenant", tenantId))
			.stream()
			.map(this::response)
			.toList();
	}

	@GetMapping("/{id}")
	IntegrationResponse get(@PathVariable UUID id) {
		return response(find(id));
	}

	@PatchMapping("/{id}")
	IntegrationResponse update(@PathVariable UUID id, @Valid @RequestBody UpdateIntegrationRequest request) {
		Integration integration = find(id);
		if (request.pollIntervalSeconds() != null) {
			this.integrations.updatePollInterval(id, request.pollIntervalSeconds());
		}
		if (request.password() != null) {
			this.integrations.replacePassword(id, request.password());
		}
		if (request.status() != null) {
			IntegrationStatus status = status(request.status());
			this.integrations.updateStatus(id, status, null);
		}
		else if (request.password() != null && integration.status() == IntegrationStatus.AUTH_FAILED) {
			this.integrations.updateStatus(id, IntegrationStatus.ACTIVE, null);
		}
		this.events.publishEvent(new IntegrationChanged(id));
		return response(find(id));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id) {
		find(id);
		if (!this.integrations.delete(id)) {
			throw new ResourceNotFoundException("integration", id);
		}
		this.events.publishEvent(new IntegrationChanged(id));
	}

	private Integration find(UUID id) {
		Integration integration = this.integrations.find(id)
			.orElseThrow(() -> new ResourceNotFoundException("integration", id));
		TenantScope.check(integration.tenantId(), "integration", id);
		return integration;
	}

	private IntegrationResponse response(Integration integration) {
		return IntegrationResponse.of(integration, this.calendars.findByIntegration(integration.id()));
	}

	private static Provider provider(String value) {
		try {
			return Provider.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("provider must be ICLOUD or CALDAV, not '" + value + "'");
		}
	}

	private static IntegrationStatus status(String value) {
		String upper = value.toUpperCase(Locale.ROOT);
		if (!upper.equals("ACTIVE") && !upper.equals("PAUSED")) {
			throw new InvalidRequestException("status can be set to ACTIVE or PAUSED, not '" + value + "'");
		}
		return IntegrationStatus.valueOf(upper);
	}

	private static URI serverUrl(Provider provider, String value) {
		if (value == null || value.isBlank()) {
			if (provider.defaultServerUrl() == null) {
				throw new InvalidRequestException("serverUrl is required for provider " + provider);
			}
			return provider.defaultServerUrl();
		}
		try {
			URI uri = new URI(value.trim());
			if (!uri.isAbsolute() || uri.getHost() == null
					|| !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
				throw new InvalidRequestException("serverUrl must be an absolute http(s) URL, not '" + value + "'");
			}
			return uri;
		}
		catch (java.net.URISyntaxException ex) {
			throw new InvalidRequestException("serverUrl is not a URL: " + ex.getMessage());
		}
	}

	record CreateIntegrationRequest(@Pattern(regexp = TenantIds.PATTERN, message = TenantIds.MESSAGE) String tenantId,
			@NotNull String provider, @Size(max = 2000) String serverUrl, @NotBlank @Size(max = 320) String username,
			@NotBlank @Size(max = 1000) String password, @Min(60) @Max(86400) Integer pollIntervalSeconds) {

		@Override
		public String toString() {
			return "CreateIntegrationRequest[tenantId=" + this.tenantId + ", provider=" + this.provider + ", serverUrl="
					+ this.serverUrl + ", username=" + this.username + ", password=***]";
		}

	}

	record UpdateIntegrationRequest(String status, @Min(60) @Max(86400) Integer pollIntervalSeconds,
			@Size(min = 1, max = 1000) String password) {

		@Override
		public String toString() {
			return "UpdateIntegrationRequest[status=" + this.status + ", pollIntervalSeconds="
					+ this.pollIntervalSeconds + ", password=" + ((this.password != null) ? "***" : null) + "]";
		}

	}

}
