package com.wedsync.calsync.caldav;

import java.net.URI;

/** The resource or collection does not exist. */
public class NotFoundException extends DavException {

	public NotFoundException(String message, URI url, int status) {
		super(message, url, status);
	}

	public NotFoundException(String message, URI url, int status, Throwable cause) {
		super(message, url, status, cause);
	}

}
