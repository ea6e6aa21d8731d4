package com.wedsync.calsync.caldav;

import java.net.URI;

/**
 * A URL calsync does not fetch: plain http where https is required, a host that is or
 * resolves to a loopback, private, reserved or metadata address, or (for a CalDAV
 * session) a host outside the ones the account's credentials may go to. Never retried;
 * the message says which rule refused it.
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
