package com.wedsync.calsync.scheduling;

import java.util.Locale;

/** What a change probe found; the {@code outcome} tag of the probe counter. */
public enum ProbeOutcome {

	/** The server reports the committed state and nothing waits to be written. */
	UNCHANGED,
	/** Something changed, appeared or disappeared, or platform changes wait: sync. */
	CHANGED,
	/** The server could not be asked; the next poll tries again. */
	FAILED;

	String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
