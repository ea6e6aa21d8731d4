package com.wedsync.calsync.caldav;

import java.net.URI;

/**
 * An answer arrived but cannot be used: not well-formed XML, a protocol violation (a
 * DOCTYPE, an entity reference) or more than the reader keeps (depth, elements,
 * responses). Unlike a lost connection it says something about what was asked for, so a
 * multiget can narrow it down to the one object whose body breaks the answer.
 */
public class UnreadableAnswerException extends TransportException {

	public UnreadableAnswerException(String message, URI url, int status) {
		super(message, url, status);
	}

	public UnreadableAnswerException(String message, URI url, int status, Throwable cause) {
		super(message, url, status, cause);
	}

}
