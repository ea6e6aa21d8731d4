package com.wedsync.calsync.realtime;

import java.time.Instant;
import java.util.UUID;

import com.wedsync.calsync.ical.EventKind;
import com.wedsync.calsync.sync.reconcile.ReconcileQueue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many work items a sync has: the staged calendar changes {@code fetchRemote} fetches
 * plus the events the reconcile steps reconcile. Known exactly only once the changes are
 * fetched (their UIDs decide which events they are); before that one event per staged
 * change plus the events waiting in the outbox is the estimate.
 */
@Component
class SyncWorkTotals {

	private final JdbcClient jdbc;

	private final ReconcileQueue queue;

	SyncWorkTotals(JdbcClient jdbc, ReconcileQueue queue) {
		this.jdbc = jdbc;
		this.queue = queue;
	}

	/** Staged changes still to fetch. */
	int pendingFetches(UUID integrationId) {
		return count("SELECT COUNT(*) FROM sync_staging WHERE integration_id = ? AND state = 'PENDING'", integrationId);
	}

	/** The events to reconcile, estimated before the fetch. */
	int estimatedReconciles(UUID integrationId) {
		return pendingFetches(integrationId) + count("SELECT COUNT(DISTINCT o.event_id) FROM sync_outbox o "
				+ "JOIN calendar c ON c.id = o.calendar_id WHERE c.integration_id = ?", integrationId);
	}

	/** The events to reconcile, exactly, once the changes are fetched. */
	int reconciles(UUID integrationId, String tenantId) {
		Instant now = Instant.now();
		int events = 0;
		for (EventKind kind : EventKind.values()) {
			events += this.queue.uids(integrationId, tenantId, kind, now).size();
		}
		return events;
	}

	private int count(String sql, UUID integrationId) {
		return this.jdbc.sql(sql).param(integrationId).query(Integer.class).single();
	}

}
