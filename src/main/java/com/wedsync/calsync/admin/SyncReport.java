package com.wedsync.calsync.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.wedsync.calsync.batch.SyncCounts;
import com.wedsync.calsync.batch.SyncRun.SyncPriority;
import com.wedsync.calsync.batch.SyncRun.SyncStatus;
import com.wedsync.calsync.batch.SyncRun.SyncTrigger;

/**
 * A sync as the API shows it: the request, its job execution and steps, and the counts.
 *
 * @param steps the step executions of the latest job execution, in order; empty in lists
 */
record SyncReport(UUID syncId, UUID integrationId, SyncStatus status, SyncTrigger trigger, SyncPriority priority,
		String reason, Instant requestedAt, Long jobExecutionId, Instant startedAt, Instant endedAt, String exitCode,
		String exitMessage, SyncCounts counts, List<StepReport> steps) {

	record StepReport(String name, String status, long readCount, long writeCount, long skipCount, long commitCount,
			long rollbackCount, Instant startedAt, Instant endedAt, String exitCode, String exitMessage) {
	}

}
