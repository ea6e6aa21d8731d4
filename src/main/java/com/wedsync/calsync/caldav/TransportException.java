package com.wedsync.calsync.caldav;

import java.net.URI;

/**
 * No usable HTTP answer: connection refused or reset, timeout, or a body that is not
 * well-formed.
 */
public class TransportException extends DavException {

	public TransportException(String message, URI url, int status) {
		super(message, url, status);
	}

	public TransportException(String message, URI url, int status, Throwable cause) {
		super(message, url, status, cause);
	}

}
