package com.wedsync.calsync.caldav;

import java.net.URI;

/** The server forbids this operation on this resource. */
public class ForbiddenException extends DavException {

	public ForbiddenException(String message, URI url, int status) {
		super(message, url, status);
	}

	public ForbiddenException(String message, URI url, int status, Throwable cause) {
		super(message, url, status, cause);
	}

}
