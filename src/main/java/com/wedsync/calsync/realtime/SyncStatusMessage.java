package com.wedsync.calsync.realtime;

import java.time.Instant;
import java.util.UUID;

/**
 * One live status message of a sync, as subscribers of
 * {@code /topic/integrations/{id}/sync-status} receive it (JSON). {@code at} is when the
 * node running the sync published it, so a subscriber can tell how late it arrived.
 */
public record SyncStatusMessage(UUID syncId, UUID integrationId, Status status, Progress progress,
		String currentOperation, String error, Instant at) {

	/** The phase of a sync. */
	public enum Status {

		STARTED, IN_PROGRESS, COMPLETED, FAILED

	}

	/**
	 * How far a sync is: {@code processed} of {@code total} work items (staged calendar
	 * changes fetched plus events reconciled), and what it changed so far.
	 */
	public record Progress(int total, int processed, int created, int updated, int deleted, int conflicts) {

	}

}
