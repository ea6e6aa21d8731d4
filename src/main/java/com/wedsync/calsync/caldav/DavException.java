package com.wedsync.calsync.caldav;

import java.net.URI;

/**
 * A CalDAV operation failed. Subclasses say why, so the sync engine can decide by type:
 * retry later, re-fetch and merge, skip the item, or stop the integration.
 */
public class DavException extends RuntimeException {

	private final URI url;

	private final int status;

	public DavException(String message, URI url, int status) {
		this(message, url, status, null);
	}

	public DavException(String message, URI url, int status, Throwable cause) {
		super(message + " (" + (status > 0 ? "HTTP " + status + " " : "") + url + ")", cause);
		this.url = url;
		this.status = status;
	}

	public URI getUrl() {
		return this.url;
	}

	/** The HTTP status, or 0 when no response was received. */
	public int getStatus() {
		return this.status;
	}

}
