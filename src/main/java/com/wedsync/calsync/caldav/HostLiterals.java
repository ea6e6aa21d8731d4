package com.wedsync.calsync.caldav;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Reads the host of a URL as the policy sees it: an IPv6 literal, a dotted-quad IPv4
 * literal or a name to resolve.
 * <p>
 * Numeric hosts in any other spelling are refused as ambiguous rather than canonicalised:
 * {@code 0x7f000001}, {@code 017700000001}, {@code 2130706433}, {@code 127.1} or
 * {@code 0177.0.0.1} mean 127.0.0.1 to curl, browsers and libc, but Java reads the last
 * as 177.0.0.1, the integer as 127.0.0.1 and the hex and octal ones as names to look up.
 * Whatever calsync decided, some component on the way could decide differently; no CalDAV
 * server or webhook endpoint needs such a spelling. The rule follows the WHATWG URL
 * standard: a host whose last label is a number (decimal or 0x-hex) is an IPv4 address,
 * so it must be four decimal octets without leading zeros.
 */
final class HostLiterals {

	private HostLiterals() {
	}

	/**
	 * The literal address the host spells, or {@code null} when it is a name.
	 * @throws ForbiddenUrlException for a zone id or an ambiguous numeric host
	 */
	static InetAddress literal(String host, URI url) {
		if (host.startsWith("[") && host.endsWith("]")) {
			return ipv6(host.substring(1, host.length() - 1), url);
		}
		String[] labels = host.split("\\.", -1);
		if (!isNumber(labels[labels.length - 1])
				&& !(labels.length > 1 && labels[labels.length - 1].isEmpty() && isNumber(labels[labels.length - 2]))) {
			return null;
		}
		byte[] octets = new byte[4];
		if (labels.length != 4) {
			throw ambiguous(host, url);
		}
		for (int i = 0; i < 4; i++) {
			String label = labels[i];
			if (label.isEmpty() || label.length() > 3 || !label.chars().allMatch(Character::isDigit)
					|| (label.length() > 1 && label.charAt(0) == '0') || Integer.parseInt(label) > 255) {
				throw ambiguous(host, url);
			}
			octets[i] = (byte) Integer.parseInt(label);
		}
		try {
			return InetAddress.getByAddress(octets);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static InetAddress ipv6(String literal, URI url) {
		if (literal.indexOf('%') >= 0) {
			// A zone id picks a local interface: fe80::1%eth0 is a neighbour on that
			// link.
			throw new ForbiddenUrlException("host '[" + literal + "]' names an IPv6 zone id, which is never allowed",
					url);
		}
		if (literal.isEmpty() || !literal.chars().allMatch((c) -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)
				|| literal.indexOf(':') < 0) {
			throw new ForbiddenUrlException("host '[" + literal + "]' is not an IPv6 address", url);
		}
		try {
			// a literal of hex digits, colons and dots: parsed, never looked up
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new ForbiddenUrlException("host '[" + literal + "]' is not an IPv6 address", url);
		}
	}

	/** Decimal digits, or 0x followed by hex digits (or nothing): a number to WHATWG. */
	private static boolean isNumber(String label) {
		if (label.isEmpty()) {
			return false;
		}
		if (label.startsWith("0x") || label.startsWith("0X")) {
			return label.substring(2).chars().allMatch((c) -> Character.digit(c, 16) >= 0);
		}
		return label.chars().allMatch((c) -> c >= '0' && c <= '9');
	}

	private static ForbiddenUrlException ambiguous(String host, URI url) {
		return new ForbiddenUrlException("host '" + host
				+ "' is a numeric host that is not a dotted-quad IPv4 address (hex, octal, integer or short form),"
				+ " refused as ambiguous", url);
	}

}
