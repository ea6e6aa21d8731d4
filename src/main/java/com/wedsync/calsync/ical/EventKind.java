package com.wedsync.calsync.ical;

/**
 * What a wedding event is. The kind decides sync priority (ceremonies first) and conflict
 * policy (ceremony times are platform-authoritative).
 */
public enum EventKind {

	CEREMONY, MEETING, DEADLINE, OTHER

}
