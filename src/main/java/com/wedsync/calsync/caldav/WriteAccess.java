package com.wedsync.calsync.caldav;

/**
 * What the server says the account may do to a calendar's members, from its
 * {@code DAV:current-user-privilege-set} (RFC 3744 section 5.4).
 */
public enum WriteAccess {

	/**
	 * The set grants {@code DAV:write}, {@code write-content}, {@code bind} or
	 * {@code all}.
	 */
	WRITABLE,

	/**
	 * The set is reported and grants none of those: the calendar is shown, not shared for
	 * writing.
	 */
	READ_ONLY,

	/**
	 * The server did not report the set. Not a sign of either: calsync keeps what it knew
	 * (writable, unless a refused write taught it otherwise).
	 */
	UNREPORTED

}
