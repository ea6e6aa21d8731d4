package com.wedsync.calsync.caldav.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Href arithmetic. Servers answer with absolute paths, full URLs on other hosts (iCloud)
 * or relative references, and percent-encode differently from what was asked ({@code @}
 * vs {@code %40}), so hrefs are compared by {@link #key(URI)}, never as strings.
 */
final class Hrefs {

	private Hrefs() {
	}

	/**
	 * Resolves an href against the URL of the request that returned it, in
	 * {@link #canonical canonical} form.
	 */
	static URI resolve(URI base, String href) {
		try {
			return canonical(base.resolve(new URI(href)));
		}
		catch (URISyntaxException ex) {
			// A server sent characters that should have been escaped (a space, say):
			// quote them rather than lose the member.
			try {
				return canonical(base.resolve(new URI(null, null, href, null)));
			}
			catch (URISyntaxException again) {
				throw new IllegalArgumentException("Unusable href " + href, again);
			}
		}
	}

	/**
	 * One spelling per resource: the path decoded and quoted again, so {@code %40} and
	 * {@code @} (which servers mix freely) give the same URI. Hrefs handed out by the
	 * client are canonical, so callers may store and compare them with {@code equals}.
	 */
	static URI canonical(URI url) {
		try {
			return new URI(url.getScheme(), url.getAuthority(), url.getPath(), url.getQuery(), url.getFragment());
		}
		catch (URISyntaxException ex) {
			return url;
		}
	}

	/**
	 * A comparison key: scheme and host lower-cased, default port made explicit, path
	 * percent-decoded, a trailing slash ignored.
	 */
	static String key(URI url) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		String host = (url.getHost() != null) ? url.getHost().toLowerCase(Locale.ROOT) : "";
		int port = (url.getPort() != -1) ? url.getPort() : ("https".equals(scheme) ? 443 : 80);
		String path = (url.getPath() != null) ? url.getPath() : "";
		if (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		return scheme + "://" + host + ":" + port + path;
	}

	static boolean same(URI a, URI b) {
		return key(a).equals(key(b));
	}

	/** The form sent in a request body: the path when on the same host, else the URL. */
	static String forRequest(URI requestUrl, URI href) {
		URI absolute = requestUrl.resolve(href);
		boolean sameOrigin = key(absolute.resolve("/")).equals(key(requestUrl.resolve("/")));
		return sameOrigin ? absolute.getRawPath() : absolute.toString();
	}

}
