package com.wedsync.calsync.admin;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.wedsync.calsync.batch.SyncLauncher;
import com.wedsync.calsync.batch.SyncRun;
import com.wedsync.calsync.batch.SyncRun.SyncPriority;
import com.wedsync.calsync.batch.SyncRun.SyncStatus;
import com.wedsync.calsync.batch.SyncRun.SyncTrigger;
import com.wedsync.calsync.batch.SyncRunRepository;
import com.wedsync.calsync.integration.Integration;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.integration.IntegrationStatus;
import com.wedsync.calsync.scheduling.EmergencySyncs;
import com.wedsync.calsync.security.TenantScope;
import com.wedsync.calsync.web.ConflictException;
import com.wedsync.calsync.web.InvalidRequestException;
import com.wedsync.calsync.web.ResourceNotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sync requests and their executions: start, inspect, restart, stop. */
@RestController
class SyncController {

	private static final int LIST_LIMIT = 200;

	private final SyncLauncher launcher;

	private final SyncRunRepository syncRuns;

	private final IntegrationRepository integrations;

	private final SyncReports reports;

	private final EmergencySyncs emergencies;

	SyncController(SyncLauncher launcher, SyncRunRepository syncRuns, IntegrationRepository integrations,
			SyncReports reports, EmergencySyncs emergencies) {
		this.launcher = launcher;
		this.syncRuns = syncRuns;
		this.integrations = integrations;
		this.reports = reports;
		this.emergencies = emergencies;
	}

	@PostMapping("/api/integrations/{id}/syncs")
	ResponseEntity<SyncReport> requestSync(@PathVariable UUID id,
			@Valid @RequestBody(required = false) SyncRequest request) {
		SyncPriority priority = priority((request != null) ? request.priority() : null);
		Integration integration = this.integrations.find(id)
			.orElseThrow(() -> new ResourceNotFoundException("integration", id));
		TenantScope.check(integration.tenantId(), "integration", id);
		if (integration.status() == IntegrationStatus.PAUSED) {
			throw new ConflictException("Integration paused",
					"Integration " + id + " is paused; resume it (PATCH status ACTIVE) before syncing");
		}
		String reason = (request != null) ? request.reason() : null;
		SyncRun run = (priority == SyncPriority.EMERGENCY) ? this.emergencies.request(id, reason)
				: this.launcher.request(id, SyncTrigger.MANUAL, priority, reason);
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.header("Location", "/api/syncs/" + run.id())
			.body(this.reports.report(run));
	}

	@GetMapping("/api/syncs")
	List<SyncReport> list(@RequestParam(required = false) UUID integrationId,
			@RequestParam(required = false) String status) {
		return this.syncRuns.findAll(integrationId, status(status), TenantScope.current().orElse(null), LIST_LIMIT)
			.stream()
			.map(this.reports::summary)
			.toList();
	}

	@GetMapping("/api/syncs/{syncId}")
	SyncReport get(@PathVariable UUID syncId) {
		return this.reports.report(find(syncId));
	}

	@PostMapping("/api/syncs/{syncId}/restart")
	ResponseEntity<SyncReport> restart(@PathVariable UUID syncId) {
		SyncRun restarted = this.launcher.restart(find(syncId));
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.reports.report(restarted));
	}

	@PostMapping("/api/syncs/{syncId}/stop")
	ResponseEntity<SyncReport> stop(@PathVariable UUID syncId) {
		SyncRun stopping = this.launcher.stop(find(syncId));
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.reports.report(stopping));
	}

	/**
	 * The sync, if the caller's tenant owns its integration; otherwise 404 as unknown.
	 */
	private SyncRun find(UUID syncId) {
		SyncRun run = this.syncRuns.find(syncId).orElseThrow(() -> new ResourceNotFoundException("sync", syncId));
		String owner = this.integrations.find(run.integrationId()).map(Integration::tenantId).orElse(null);
		if (owner == null && TenantScope.current().isPresent()) {
			throw new ResourceNotFoundException("sync", syncId);
		}
		TenantScope.check(owner, "sync", syncId);
		return run;
	}

	private static SyncPriority priority(String value) {
		if (value == null) {
			return SyncPriority.NORMAL;
		}
		try {
			return SyncPriority.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("priority must be NORMAL or EMERGENCY, not '" + value + "'");
		}
	}

	private static SyncStatus status(String value) {
		if (value == null) {
			return null;
		}
		try {
			return SyncStatus.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(
					"status must be one of QUEUED, RUNNING, COMPLETED, FAILED, STOPPED, not '" + value + "'");
		}
	}

	record SyncRequest(@Size(max = 16) String priority, @Size(max = 500) String reason) {
	}

}
