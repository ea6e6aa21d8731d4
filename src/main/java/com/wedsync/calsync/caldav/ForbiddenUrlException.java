package com.wedsync.calsync.caldav;

import java.net.URI;

/**
 * A URL the outbound policy does not allow: plain http where https is required, or a host
 * that is or resolves to a loopback, private, link-local or metadata address. Never
 * retried; the message says which rule refused it.
 */
public class ForbiddenUrlException extends DavException {

	private final String reason;

	public ForbiddenUrlException(String reason, URI url) {
		super("Refused by the outbound URL policy: " + reason, url, 0);
		this.reason = reason;
	}

	/** Why the URL is refused, without the URL. */
	public String getReason() {
		return this.reason;
	}

}
