package com.wedsync.calsync.sync.reconcile;

import java.util.UUID;

/**
 * One reconcile step of one sync: the integration whose sync it is, its tenant, the
 * step's name (dead letters name it) and the CalDAV sessions its events may need (a
 * wedding's calendars can be on other accounts).
 */
public record ReconcileRun(UUID integrationId, String tenantId, String step, CalDavSessions sessions) {

	/** A context for one piece of work, counting what it does from zero. */
	ReconcileContext context() {
		return new ReconcileContext(this.integrationId, this.tenantId, this.step, this.sessions, new ReconcileCounts());
	}

}
