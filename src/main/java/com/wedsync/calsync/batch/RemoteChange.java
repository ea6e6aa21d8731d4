package com.wedsync.calsync.batch;

import com.wedsync.calsync.ical.CalendarObject;
import com.wedsync.calsync.sync.staging.StagedChange;

/**
 * A staged change ready to apply: the parsed object for a fetched resource, {@code null}
 * for a deletion.
 */
record RemoteChange(StagedChange staged, CalendarObject object) {

	boolean isDeletion() {
		return this.object == null;
	}

}
