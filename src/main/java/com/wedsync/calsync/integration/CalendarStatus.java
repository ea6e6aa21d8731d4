package com.wedsync.calsync.integration;

/** Whether a calendar collection is synced. */
public enum CalendarStatus {

	ACTIVE,
	/**
	 * No longer listed by the server; its links are kept until an operator removes it.
	 */
	REMOVED,
	/**
	 * Reported most of its events deleted at once. Not synced, nothing deleted anywhere,
	 * until an operator confirms the deletions.
	 */
	GUARDED

}
