package com.wedsync.calsync.caldav;

import java.net.URI;

/**
 * The server no longer accepts a stored sync token; the caller falls back to a full
 * listing.
 */
public class InvalidSyncTokenException extends DavException {

	public InvalidSyncTokenException(String message, URI url, int status) {
		super(message, url, status);
	}

	public InvalidSyncTokenException(String message, URI url, int status, Throwable cause) {
		super(message, url, status, cause);
	}

}
