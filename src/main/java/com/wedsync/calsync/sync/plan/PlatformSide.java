package com.wedsync.calsync.sync.plan;

import java.time.Instant;

import com.wedsync.calsync.ical.EventFields;

/** The platform's event as the planner sees it. */
public sealed interface PlatformSide permits PlatformSide.Present, PlatformSide.Absent {

	static PlatformSide present(EventFields fields, Instant lastModified) {
		return new Present(fields, lastModified);
	}

	static PlatformSide absent() {
		return new Absent();
	}

	/**
	 * The event exists on the platform.
	 *
	 * @param lastModified when the platform last changed it ({@code updated_at})
	 */
	record Present(EventFields fields, Instant lastModified) implements PlatformSide {

		public Present {
			if (fields == null || lastModified == null) {
				throw new IllegalArgumentException("fields and lastModified must not be null");
			}
		}

	}

	/** The event was deleted on the platform, or never existed there. */
	record Absent() implements PlatformSide {

	}

}
