package com.wedsync.calsync.caldav;

/**
 * Basic-auth credentials of one CalDAV account. {@link #toString()} never shows the
 * password, so the record is safe to log by accident.
 */
public record DavCredentials(String username, String password) {

	@Override
	public String toString() {
		return "DavCredentials[username=" + this.username + ", password=***]";
	}

}
