package com.wedsync.calsync.batch;

import java.util.UUID;

import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.sync.pull.ApplyOutcome;
import com.wedsync.calsync.sync.pull.RemoteChangeApplier;
import com.wedsync.calsync.sync.staging.StagedChange;
import com.wedsync.calsync.sync.staging.SyncStagingRepository;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Step 4 writer: applies parsed changes to events and links and settles their staging
 * rows, all in the chunk's transaction, so a crash never leaves one without the other.
 */
class ApplyRemoteChangeWriter implements ItemWriter<RemoteChange> {

	private final UUID integrationId;

	private final IntegrationRepository integrations;

	private final RemoteChangeApplier applier;

	private final SyncStagingRepository staging;

	private String tenantId;

	ApplyRemoteChangeWriter(UUID integrationId, IntegrationRepository integrations, RemoteChangeApplier applier,
			SyncStagingRepository staging) {
		this.integrationId = integrationId;
		this.integrations = integrations;
		this.applier = applier;
		this.staging = staging;
	}

	@Override
	public void write(Chunk<? extends RemoteChange> chunk) {
		for (RemoteChange change : chunk) {
			StagedChange staged = change.staged();
			ApplyOutcome outcome = change.isDeletion() ? this.applier.delete(staged.calendarId(), staged.href())
					: this.applier.upsert(tenantId(), staged.calendarId(), staged.href(), staged.etag(),
							change.object());
			this.staging.markApplied(staged.calendarId(), staged.href(), outcome.name());
		}
	}

	private String tenantId() {
		if (this.tenantId == null) {
			this.tenantId = this.integrations.find(this.integrationId).orElseThrow().tenantId();
		}
		return this.tenantId;
	}

}
