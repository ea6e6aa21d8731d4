package com.wedsync.calsync.scheduling;

import java.util.concurrent.Semaphore;

import org.springframework.stereotype.Component;

/**
 * How many scheduled syncs this node runs at once
 * ({@code calsync.scheduling.thread-count}). Quartz has {@code emergency-threads} more
 * threads than slots, and a poll that finds a change but no free slot does not sync on
 * one of those: they stay free for emergency syncs, which need no slot.
 */
@Component
class ScheduledSyncSlots {

	private final Semaphore slots;

	ScheduledSyncSlots(SchedulingProperties properties) {
		this.slots = new Semaphore(properties.threadCount());
	}

	boolean tryAcquire() {
		return this.slots.tryAcquire();
	}

	void release() {
		this.slots.release();
	}

	int available() {
		return this.slots.availablePermits();
	}

}
