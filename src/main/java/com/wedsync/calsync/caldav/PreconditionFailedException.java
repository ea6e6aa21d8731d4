package com.wedsync.calsync.caldav;

import java.net.URI;

/**
 * The If-Match or If-None-Match precondition failed: the resource changed since we read
 * it, or already exists.
 */
public class PreconditionFailedException extends DavException {

	public PreconditionFailedException(String message, URI url, int status) {
		super(message, url, status);
	}

	public PreconditionFailedException(String message, URI url, int status, Throwable cause) {
		super(message, url, status, cause);
	}

}
