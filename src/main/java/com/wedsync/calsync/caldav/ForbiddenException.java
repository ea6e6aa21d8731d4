package com.wedsync.calsync.caldav;

import java.net.URI;

/** The server forbids this operation on this resource. */
public class ForbiddenException extends DavException {

	private final boolean needsPrivileges;

	public ForbiddenException(String message, URI url, int status) {
		this(message, url, status, false);
	}

	/**
	 * @param needsPrivileges the answer was an RFC 3744 {@code DAV:need-privileges}
	 * error: the account lacks a privilege on the resource, rather than the server
	 * disliking what was sent
	 */
	public ForbiddenException(String message, URI url, int status, boolean needsPrivileges) {
		super(message, url, status);
		this.needsPrivileges = needsPrivileges;
	}

	public ForbiddenException(String message, URI url, int status, Throwable cause) {
		super(message, url, status, cause);
		this.needsPrivileges = false;
	}

	/** Whether the server said the account lacks a privilege (RFC 3744 section 7.1.1). */
	public boolean needsPrivileges() {
		return this.needsPrivileges;
	}

}
