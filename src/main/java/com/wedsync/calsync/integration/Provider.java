package com.wedsync.calsync.integration;

import java.net.URI;

/**
 * The kind of CalDAV account. iCloud needs no server URL: discovery starts at Apple's.
 */
public enum Provider {

	ICLOUD(URI.create("https://caldav.icloud.com/")), CALDAV(null);

	private final URI defaultServerUrl;

	Provider(URI defaultServerUrl) {
		this.defaultServerUrl = defaultServerUrl;
	}

	/** The discovery entry point, or {@code null} when the user must give one. */
	public URI defaultServerUrl() {
		return this.defaultServerUrl;
	}

}
