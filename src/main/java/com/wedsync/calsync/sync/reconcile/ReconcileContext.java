package com.wedsync.calsync.sync.reconcile;

import java.util.UUID;

/**
 * One piece of reconciliation work (an event, or a chunk's bulk import): the integration
 * whose sync it is, its tenant, the step it runs in, the CalDAV sessions it may open (a
 * wedding's calendars can be on other accounts) and what it did.
 */
public record ReconcileContext(UUID integrationId, String tenantId, String step, CalDavSessions sessions,
		ReconcileCounts counts) {
}
