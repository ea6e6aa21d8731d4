package com.wedsync.calsync.batch;

import java.time.Instant;
import java.util.Iterator;
import java.util.UUID;

import com.wedsync.calsync.ical.EventKind;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.sync.reconcile.ReconcileQueue;

import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Reads the UIDs of the events of one priority class to reconcile, imminent ones first.
 * The list is taken once per step execution; a restarted step takes it again, and what
 * was reconciled before the failure is no longer in it (its staging rows are settled, its
 * outbox rows gone).
 */
class ReconcileKeysReader implements ItemReader<String> {

	private final UUID integrationId;

	private final EventKind kind;

	private final IntegrationRepository integrations;

	private final ReconcileQueue queue;

	private Iterator<String> uids;

	ReconcileKeysReader(UUID integrationId, EventKind kind, IntegrationRepository integrations, ReconcileQueue queue) {
		this.integrationId = integrationId;
		this.kind = kind;
		this.integrations = integrations;
		this.queue = queue;
	}

	@Override
	public String read() {
		if (this.uids == null) {
			String tenant = this.integrations.find(this.integrationId).orElseThrow().tenantId();
			this.uids = this.queue.uids(this.integrationId, tenant, this.kind, Instant.now()).iterator();
		}
		return this.uids.hasNext() ? this.uids.next() : null;
	}

}
