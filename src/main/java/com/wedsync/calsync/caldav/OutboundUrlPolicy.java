package com.wedsync.calsync.caldav;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.util.Assert;

/**
 * Guards every URL calsync fetches, whether a user typed it or a server named it
 * (redirect, principal, calendar home, hrefs): the scheme must be allowed and every
 * address the host resolves to must be public, unless configured otherwise.
 * <p>
 * The transport connects only to addresses this policy returned from
 * {@link #allowedAddresses(String)}, so a DNS answer that changes between the check and
 * the connect (DNS rebinding) cannot reach a refused address: the check and the connect
 * use the same resolution.
 */
public final class OutboundUrlPolicy {

	private static final byte[] METADATA = { (byte) 169, (byte) 254, (byte) 169, (byte) 254 };

	private final OutboundUrlProperties properties;

	private final HostResolver resolver;

	public OutboundUrlPolicy(OutboundUrlProperties properties, HostResolver resolver) {
		Assert.notNull(properties, "properties must not be null");
		Assert.notNull(resolver, "resolver must not be null");
		this.properties = properties;
		this.resolver = resolver;
	}

	public OutboundUrlPolicy(OutboundUrlProperties properties) {
		this(properties, InetAddress::getAllByName);
	}

	/** A policy that allows everything: clients built by hand against local stubs. */
	public static OutboundUrlPolicy permissive() {
		return new OutboundUrlPolicy(OutboundUrlProperties.permissive());
	}

	/**
	 * Passes when calsync may fetch the URL.
	 * @throws ForbiddenUrlException naming the rule that refuses it
	 */
	public void check(URI url) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !(scheme.equals("http") && !this.properties.requireHttps())) {
			throw new ForbiddenUrlException(
					this.properties.requireHttps() ? "only https URLs are allowed" : "only http(s) URLs are allowed",
					url);
		}
		if (url.getHost() == null || url.getHost().isEmpty()) {
			throw new ForbiddenUrlException("the URL names no host", url);
		}
		if (url.getRawUserInfo() != null) {
			throw new ForbiddenUrlException("credentials in the URL are not allowed", url);
		}
		InetAddress[] addresses;
		try {
			addresses = this.resolver.resolve(bare(url.getHost()));
		}
		catch (UnknownHostException ex) {
			// Not resolvable now: nothing to refuse yet. The connection resolves again
			// through allowedAddresses and fails there, or is checked there.
			return;
		}
		String refusal = refusal(url.getHost(), addresses);
		if (refusal != null) {
			throw new ForbiddenUrlException(refusal, url);
		}
	}

	/**
	 * The host's addresses, resolved once; what the connection may use.
	 * @throws UnknownHostException when the host does not resolve or resolves to a
	 * refused address (the message names the address and the rule)
	 */
	public InetAddress[] allowedAddresses(String host) throws UnknownHostException {
		InetAddress[] addresses = this.resolver.resolve(bare(host));
		String refusal = refusal(host, addresses);
		if (refusal != null) {
			throw new UnknownHostException(refusal);
		}
		if (addresses.length == 0) {
			throw new UnknownHostException("host '" + host + "' has no address");
		}
		return addresses;
	}

	/**
	 * Why the host's addresses are refused, or {@code null}. One bad address refuses the
	 * host: a name that points anywhere inside is not one to trust with the rest either.
	 */
	private String refusal(String host, InetAddress[] addresses) {
		for (InetAddress address : addresses) {
			String refusal = refusal(address);
			if (refusal != null) {
				return "host '" + host + "' resolves to " + address.getHostAddress() + ", " + refusal;
			}
		}
		return null;
	}

	private static String bare(String host) {
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	/** Why the address is refused, or {@code null} when it is allowed. */
	String refusal(InetAddress address) {
		InetAddress plain = unmapped(address);
		if (Arrays.equals(plain.getAddress(), METADATA)) {
			return "the cloud metadata address, which is never allowed";
		}
		if (plain.isAnyLocalAddress() || plain.isMulticastAddress()) {
			return "a wildcard or multicast address, which is never allowed";
		}
		if (plain.isLoopbackAddress()) {
			return this.properties.allowLoopback() ? null
					: "a loopback address (allowed only with calsync.caldav.url-policy.allow-loopback)";
		}
		if (plain.isSiteLocalAddress() || plain.isLinkLocalAddress() || isUniqueLocal(plain)
				|| isCarrierGradeNat(plain)) {
			return this.properties.allowPrivate() ? null
					: "a private or link-local address (allowed only with calsync.caldav.url-policy.allow-private)";
		}
		return null;
	}

	/** {@code ::ffff:a.b.c.d} is a.b.c.d: checked as IPv4. */
	private static InetAddress unmapped(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address && bytes.length == 16) {
			boolean mapped = true;
			for (int i = 0; i < 10; i++) {
				mapped &= bytes[i] == 0;
			}
			mapped &= bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
			if (mapped) {
				try {
					return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
				}
				catch (UnknownHostException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return address;
	}

	/** fc00::/7, which includes fd00::/8 (and AWS's fd00:ec2::254 metadata address). */
	private static boolean isUniqueLocal(InetAddress address) {
		return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
	}

	/** 100.64.0.0/10, shared address space behind carrier-grade NAT. */
	private static boolean isCarrierGradeNat(InetAddress address) {
		byte[] bytes = address.getAddress();
		return address instanceof Inet4Address && bytes[0] == 100 && (bytes[1] & 0xc0) == 64;
	}

	/** Name resolution, replaceable in tests (a name that resolves to loopback). */
	@FunctionalInterface
	public interface HostResolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

}
