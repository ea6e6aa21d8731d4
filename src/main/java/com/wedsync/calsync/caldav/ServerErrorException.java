package com.wedsync.calsync.caldav;

import java.net.URI;

/** The server failed (5xx); worth retrying later. */
public class ServerErrorException extends DavException {

	public ServerErrorException(String message, URI url, int status) {
		super(message, url, status);
	}

	public ServerErrorException(String message, URI url, int status, Throwable cause) {
		super(message, url, status, cause);
	}

}
