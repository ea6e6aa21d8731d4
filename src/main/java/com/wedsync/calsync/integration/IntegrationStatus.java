package com.wedsync.calsync.integration;

/** Whether an integration is synced. */
public enum IntegrationStatus {

	ACTIVE,
	/** Paused by an operator or the tenant: no scheduled syncs. */
	PAUSED,
	/** The server refused the credentials; no syncs until they are replaced. */
	AUTH_FAILED

}
