package com.wedsync.calsync.batch;

import java.util.Locale;

import com.wedsync.calsync.ical.EventKind;

/** Names of the reconcile steps, one per priority class: {@code reconcile-ceremony}, … */
final class ReconcileSteps {

	private static final String PREFIX = "reconcile-";

	private ReconcileSteps() {
	}

	static String name(EventKind kind) {
		return PREFIX + kind.name().toLowerCase(Locale.ROOT);
	}

	static EventKind kind(String stepName) {
		if (!stepName.startsWith(PREFIX)) {
			throw new IllegalArgumentException(stepName + " is not a reconcile step");
		}
		return EventKind.valueOf(stepName.substring(PREFIX.length()).toUpperCase(Locale.ROOT));
	}

}
