package com.wedsync.calsync.caldav;

import java.net.URI;

/**
 * The circuit breaker of the request's host is open (recent requests to it failed or were
 * slow), or the host already has as many requests in flight as it may have and none
 * finished in time: this one was not sent. Not worth retrying within the job; the next
 * trigger will.
 */
public class HostUnavailableException extends DavException {

	private final String host;

	public HostUnavailableException(String host, URI url, Throwable cause) {
		this(host, url, "circuit open", cause);
	}

	/**
	 * @param why why nothing is sent to the host now: its circuit is open, or as many
	 * requests as it may have are already waiting on it
	 */
	public HostUnavailableException(String host, URI url, String why, Throwable cause) {
		super("Host " + host + " unavailable: " + why + ", request not sent", url, 0, cause);
		this.host = host;
	}

	/** The host (with port when one is given) whose circuit is open. */
	public String getHost() {
		return this.host;
	}

}
