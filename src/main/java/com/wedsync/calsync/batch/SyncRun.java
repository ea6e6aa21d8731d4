package com.wedsync.calsync.batch;

import java.time.Instant;
import java.util.UUID;

/**
 * One requested sync of an integration and where it stands.
 *
 * @param jobExecutionId the latest execution of its job instance, {@code null} while
 * queued
 */
public record SyncRun(UUID id, UUID integrationId, SyncTrigger trigger, SyncPriority priority, String reason,
		Long jobExecutionId, SyncStatus status, Instant requestedAt, SyncCounts counts) {

	public enum SyncTrigger {

		MANUAL, SCHEDULED, EMERGENCY, WEBHOOK

	}

	public enum SyncPriority {

		NORMAL, EMERGENCY

	}

	public enum SyncStatus {

		QUEUED, RUNNING, COMPLETED, FAILED, STOPPED;

		boolean isActive() {
			return this == QUEUED || this == RUNNING;
		}

	}

}
