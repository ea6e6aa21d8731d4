package com.wedsync.calsync.caldav.internal;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.wedsync.calsync.caldav.ForbiddenUrlException;

/**
 * The origins (scheme, host, port) a session follows hrefs to: the server URL the user
 * gave, the principal and calendar home discovery found, and the home and calendars the
 * caller asks about (found by an earlier discovery). An href a server names elsewhere is
 * refused, so a hostile or compromised server cannot point calsync's requests, with the
 * account's password, at another host.
 */
final class DiscoveredHosts {

	private final Set<String> origins = ConcurrentHashMap.newKeySet();

	DiscoveredHosts(URI serverUrl) {
		add(serverUrl);
	}

	void add(URI url) {
		this.origins.add(origin(url));
	}

	/**
	 * @param href an absolute href from a response to {@code requestUrl}
	 * @throws ForbiddenUrlException when the href is on neither a discovered host nor the
	 * host that answered
	 */
	void check(URI requestUrl, URI href) {
		String origin = origin(href);
		if (!origin.equals(origin(requestUrl)) && !this.origins.contains(origin)) {
			throw new ForbiddenUrlException("the server named an href on " + href.getHost()
					+ ", a host discovery did not find (known: " + String.join(", ", this.origins) + ")", href);
		}
	}

	private static String origin(URI url) {
		return Hrefs.key(URI.create(url.getScheme() + "://" + url.getRawAuthority() + "/"));
	}

}
