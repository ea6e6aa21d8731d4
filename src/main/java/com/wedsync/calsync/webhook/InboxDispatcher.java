package com.wedsync.calsync.webhook;

import java.util.List;
import java.util.UUID;

import com.wedsync.calsync.batch.SyncLauncher;
import com.wedsync.calsync.batch.SyncRun;
import com.wedsync.calsync.batch.SyncRun.SyncPriority;
import com.wedsync.calsync.batch.SyncRun.SyncStatus;
import com.wedsync.calsync.batch.SyncRun.SyncTrigger;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.integration.IntegrationStatus;
import com.wedsync.calsync.webhook.WebhookInbox.Waiting;

import org.springframework.stereotype.Component;

/**
 * Turns stored notices into syncs. A notice is settled by a sync that has not yet begun
 * detecting changes: a new one, or one still queued. A sync already running may have
 * looked at the calendar before the change, so its notices wait until it ends and then
 * get a sync of their own; all the notices that arrived meanwhile share that one. The
 * sync is the integration's job, which only reads the calendars whose ctag or sync-token
 * moved, so it costs the changed calendar, not the account.
 */
@Component
class InboxDispatcher {

	private final WebhookInbox inbox;

	private final IntegrationRepository integrations;

	private final SyncLauncher launcher;

	InboxDispatcher(WebhookInbox inbox, IntegrationRepository integrations, SyncLauncher launcher) {
		this.inbox = inbox;
		this.integrations = integrations;
		this.launcher = launcher;
	}

	void dispatch() {
		for (UUID integrationId : this.inbox.integrationsWaiting()) {
			dispatch(integrationId);
		}
	}

	private void dispatch(UUID integrationId) {
		// Read before the claim: a notice stored after it may be missed by the sync the
		// claim returns, so it is left for the next look.
		List<Waiting> notices = this.inbox.waiting(integrationId);
		if (notices.isEmpty()) {
			return;
		}
		boolean active = this.integrations.find(integrationId)
			.filter((integration) -> integration.status() == IntegrationStatus.ACTIVE)
			.isPresent();
		if (!active) {
			// paused or refused: resuming it (or a new password) syncs anyway
			this.inbox.markProcessed(notices, null);
			return;
		}
		SyncRun run = this.launcher.request(integrationId, SyncTrigger.WEBHOOK, SyncPriority.NORMAL,
				"webhook: " + notices.size() + " change notice(s)");
		if (run.status() == SyncStatus.QUEUED && run.jobExecutionId() == null) {
			this.inbox.markProcessed(notices, run.id());
		}
	}

}
