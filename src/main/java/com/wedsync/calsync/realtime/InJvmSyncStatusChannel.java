package com.wedsync.calsync.realtime;

/** The embedded single-node setup: there is no other node to tell. */
final class InJvmSyncStatusChannel implements SyncStatusChannel {

	private final LocalSubscribers subscribers;

	InJvmSyncStatusChannel(LocalSubscribers subscribers) {
		this.subscribers = subscribers;
	}

	@Override
	public void publish(SyncStatusMessage message) {
		this.subscribers.deliver(message);
	}

}
