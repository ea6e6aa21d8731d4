package com.wedsync.calsync.caldav;

import java.net.URI;

/**
 * The server refused the credentials; retrying with the same password only locks the
 * account.
 */
public class UnauthorizedException extends DavException {

	/** What an integration whose credentials a server refused is marked with. */
	public static final String REPLACE_PASSWORD = "The server refused the credentials; replace the app-specific password";

	public UnauthorizedException(String message, URI url, int status) {
		super(message, url, status);
	}

	public UnauthorizedException(String message, URI url, int status, Throwable cause) {
		super(message, url, status, cause);
	}

}
