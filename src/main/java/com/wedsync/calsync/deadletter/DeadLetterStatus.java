package com.wedsync.calsync.deadletter;

/**
 * Where a dead letter stands. {@code OPEN ▸ REPLAYING ▸ RESOLVED}, or back to
 * {@code OPEN} when the replayed item fails again; {@code OPEN ▸ DISCARDED} when an
 * operator gives up on it.
 */
public enum DeadLetterStatus {

	/** Parked, waiting for an operator. */
	OPEN,
	/** Asked to go through the next sync of its integration again. */
	REPLAYING,
	/** The replayed item synced. */
	RESOLVED,
	/** An operator decided it will never sync. */
	DISCARDED

}
