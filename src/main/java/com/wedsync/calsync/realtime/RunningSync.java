package com.wedsync.calsync.realtime;

import java.util.UUID;

/**
 * What the node running a sync knows of its progress between listener calls. Only the
 * job's thread writes it; the fields are volatile for the odd reader elsewhere.
 */
final class RunningSync {

	final UUID syncId;

	final UUID integrationId;

	final String tenantId;

	private volatile int total;

	private volatile int processed;

	private volatile String operation;

	private volatile long lastProgressNanos;

	RunningSync(UUID syncId, UUID integrationId, String tenantId) {
		this.syncId = syncId;
		this.integrationId = integrationId;
		this.tenantId = tenantId;
	}

	int total() {
		return Math.max(this.total, this.processed);
	}

	void total(int total) {
		this.total = total;
	}

	int processed() {
		return this.processed;
	}

	void processed(int items) {
		this.processed += items;
	}

	String operation() {
		return this.operation;
	}

	void operation(String operation) {
		this.operation = operation;
	}

	/**
	 * Whether a progress message may go now: at most one per interval, so a fast sync
	 * does not flood its subscribers.
	 */
	boolean progressDue(long intervalNanos) {
		long now = System.nanoTime();
		if (this.lastProgressNanos != 0 && now - this.lastProgressNanos < intervalNanos) {
			return false;
		}
		this.lastProgressNanos = now;
		return true;
	}

}
