package com.wedsync.calsync.realtime;

/**
 * Carries status messages from the node running a sync to every node's local STOMP
 * subscribers: PostgreSQL LISTEN/NOTIFY on a cluster, a direct call on the embedded
 * single-node database.
 */
interface SyncStatusChannel {

	void publish(SyncStatusMessage message);

}
