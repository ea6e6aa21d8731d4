package com.wedsync.calsync.caldav;

import java.net.URI;

/**
 * The circuit breaker of the request's host is open: recent requests to it failed, so
 * this one was not sent. Not worth retrying within the job; the next trigger will.
 */
public class HostUnavailableException extends DavException {

	private final String host;

	public HostUnavailableException(String host, URI url, Throwable cause) {
		super("Host " + host + " unavailable: circuit open, request not sent", url, 0, cause);
		this.host = host;
	}

	/** The host (with port when one is given) whose circuit is open. */
	public String getHost() {
		return this.host;
	}

}
