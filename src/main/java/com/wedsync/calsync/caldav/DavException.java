package com.wedsync.calsync.caldav;

import java.net.URI;

/**
 * A CalDAV operation failed. Subclasses say why, so the sync engine can decide by type:
 * retry later, re-fetch and merge, skip the item, or stop the integration.
 */
public class DavException extends RuntimeException {

	private final URI url;

	private final int status;

	private String serverAnswer;

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

	/**
	 * The start of the body the server answered with, printable characters only, or
	 * {@code null}. Kept out of the message (messages are logged; a body may echo what
	 * was sent): it is for the dead letter of an item the server refused.
	 */
	public String getServerAnswer() {
		return this.serverAnswer;
	}

	/** Records the server's answer; returns this exception, to throw. */
	public DavException withServerAnswer(String answer) {
		this.serverAnswer = answer;
		return this;
	}

	/**
	 * Whether the server refused this one request for what it carried or named (a 4xx
	 * other than refused credentials, throttling or a timeout): the item's failure, not
	 * the account's or the host's.
	 */
	public boolean refusesTheItem() {
		return this.status >= 400 && this.status < 500 && this.status != 401 && this.status != 407 && this.status != 408
				&& this.status != 429;
	}

}
