package com.wedsync.calsync.caldav;

import java.net.URI;
import java.time.Duration;

/** The server asks us to slow down (429, or 503 with Retry-After as iCloud does). */
public class RateLimitedException extends DavException {

	private final Duration retryAfter;

	public RateLimitedException(String message, URI url, int status, Duration retryAfter) {
		super(message, url, status);
		this.retryAfter = retryAfter;
	}

	/** The delay the server asked for, or {@code null} when it named none. */
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

}
