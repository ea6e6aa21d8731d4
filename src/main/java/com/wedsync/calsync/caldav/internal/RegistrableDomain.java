package com.wedsync.calsync.caldav.internal;

import java.util.Locale;
import java.util.Set;

/**
 * The registrable domain of a host name ("eTLD+1"): the part a single owner registers,
 * {@code icloud.com} for {@code p42-caldav.icloud.com}.
 * <p>
 * A small built-in rule, not the Public Suffix List (no PSL library is on the classpath):
 * the last two labels, or the last three when the last two are one of the common
 * two-level public suffixes below ({@code co.uk}, {@code com.au}, ...) or a shared
 * hosting suffix under which every subdomain has another owner ({@code github.io},
 * {@code herokuapp.com}, ...). Hosts under a suffix it does not know get a domain one
 * label too short, so two owners there would be taken for one; such servers are rare for
 * CalDAV, and {@code calsync.caldav.credential-hosts} is the way to widen, never needed
 * to narrow, what iCloud and single-domain servers need.
 */
final class RegistrableDomain {

	private static final Set<String> TWO_LABEL_SUFFIXES = Set.of(
			// country-code second levels
			"co.uk", "org.uk", "me.uk", "ltd.uk", "plc.uk", "net.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au",
			"edu.au", "gov.au", "id.au", "co.nz", "net.nz", "org.nz", "co.jp", "ne.jp", "or.jp", "ac.jp", "co.za",
			"org.za", "com.br", "net.br", "org.br", "com.cn", "net.cn", "org.cn", "com.mx", "co.in", "net.in", "org.in",
			"co.kr", "or.kr", "com.sg", "com.tw", "com.hk", "co.il", "com.tr", "com.ar", "co.at", "or.at", "com.pl",
			"co.id", "com.my", "com.ph", "co.th", "com.vn", "com.ua", "com.es", "com.pt", "co.it",
			// shared hosting: each subdomain is someone else's
			"github.io", "gitlab.io", "herokuapp.com", "appspot.com", "azurewebsites.net", "cloudfront.net",
			"netlify.app", "vercel.app", "pages.dev", "workers.dev", "fly.dev", "onrender.com", "ngrok.io",
			"ngrok-free.app", "duckdns.org", "dyndns.org", "no-ip.org", "amazonaws.com", "blogspot.com");

	private RegistrableDomain() {
	}

	/**
	 * The host's registrable domain, or {@code null} when it has none: an IP literal, a
	 * single label ({@code localhost}) or a public suffix itself.
	 */
	static String of(String host) {
		if (host == null || host.isEmpty() || host.startsWith("[") || host.indexOf(':') >= 0) {
			return null;
		}
		String name = host.toLowerCase(Locale.ROOT);
		if (name.endsWith(".")) {
			name = name.substring(0, name.length() - 1);
		}
		String[] labels = name.split("\\.", -1);
		if (labels.length < 2 || isNumeric(labels[labels.length - 1])) {
			return null;
		}
		for (String label : labels) {
			if (label.isEmpty()) {
				return null;
			}
		}
		String lastTwo = labels[labels.length - 2] + "." + labels[labels.length - 1];
		if (!TWO_LABEL_SUFFIXES.contains(lastTwo)) {
			return lastTwo;
		}
		return (labels.length >= 3) ? labels[labels.length - 3] + "." + lastTwo : null;
	}

	private static boolean isNumeric(String label) {
		return !label.isEmpty() && label.chars().allMatch((c) -> c >= '0' && c <= '9');
	}

}
