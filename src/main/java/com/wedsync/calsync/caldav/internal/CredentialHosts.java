package com.wedsync.calsync.caldav.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import com.wedsync.calsync.caldav.ForbiddenUrlException;

/**
 * The hosts an account's credentials may go to: the server URL's host, the hosts of its
 * registrable domain ({@link RegistrableDomain}: iCloud's {@code caldav.icloud.com} hands
 * accounts to {@code pNN-caldav.icloud.com}) and the configured
 * {@code calsync.caldav.credential-hosts} (each with its subdomains). A redirect,
 * principal, calendar home or href on any other host is refused before a request, and so
 * a password, goes there: a server cannot send calsync with the account's Basic
 * credentials to a host its owner does not control.
 */
final class CredentialHosts {

	private final String serverHost;

	private final String serverDomain;

	private final List<String> configured;

	CredentialHosts(URI serverUrl, List<String> configured) {
		this.serverHost = normalise(serverUrl.getHost());
		this.serverDomain = RegistrableDomain.of(this.serverHost);
		this.configured = (configured != null)
				? configured.stream().map(CredentialHosts::normalise).filter((host) -> !host.isEmpty()).toList()
				: List.of();
	}

	boolean allows(URI url) {
		String host = normalise(url.getHost());
		if (host.equals(this.serverHost)) {
			return true;
		}
		if (this.serverDomain != null && this.serverDomain.equals(RegistrableDomain.of(host))) {
			return true;
		}
		return this.configured.stream().anyMatch((allowed) -> host.equals(allowed) || host.endsWith("." + allowed));
	}

	/**
	 * @throws ForbiddenUrlException naming the host and how to allow it, when the URL's
	 * host may not receive the credentials
	 */
	void check(URI url, String what) {
		if (!allows(url)) {
			throw new ForbiddenUrlException(what + " is on " + url.getHost() + ", outside the server URL's domain ("
					+ ((this.serverDomain != null) ? this.serverDomain : this.serverHost)
					+ "): the account's credentials are not sent there (allow it with calsync.caldav.credential-hosts)",
					url);
		}
	}

	private static String normalise(String host) {
		if (host == null) {
			return "";
		}
		String lower = host.trim().toLowerCase(Locale.ROOT);
		return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
	}

}
