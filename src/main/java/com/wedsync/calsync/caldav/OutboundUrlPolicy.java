package com.wedsync.calsync.caldav;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.util.Assert;

/**
 * Guards every URL calsync fetches, whether a user typed it or a server named it
 * (redirect, principal, calendar home, hrefs, webhook endpoints): the scheme must be
 * allowed and every address the host resolves to must be public, unless configured
 * otherwise.
 * <p>
 * Hosts are read canonically first ({@link HostLiterals}): IPv6 literals with a zone id
 * and numeric hosts that are not dotted quads are refused outright. Addresses are then
 * judged by the IANA special-purpose ranges ({@link AddressRanges}), an IPv6 address that
 * carries an IPv4 address by that IPv4 address too, and none may be one of this machine's
 * own addresses ({@link LocalAddresses}) unless loopback is allowed.
 * <p>
 * Connections go only to addresses this policy returned from
 * {@link #allowedAddresses(String)}, so a DNS answer that changes between the check and
 * the connect (DNS rebinding) cannot reach a refused address: the check and the connect
 * use the same resolution.
 */
public final class OutboundUrlPolicy {

	private final OutboundUrlProperties properties;

	private final HostResolver resolver;

	private final Supplier<Set<InetAddress>> ownAddresses;

	/**
	 * @param ownAddresses this machine's addresses, refused unless loopback is allowed
	 */
	public OutboundUrlPolicy(OutboundUrlProperties properties, HostResolver resolver,
			Supplier<Set<InetAddress>> ownAddresses) {
		Assert.notNull(properties, "properties must not be null");
		Assert.notNull(resolver, "resolver must not be null");
		Assert.notNull(ownAddresses, "ownAddresses must not be null");
		this.properties = properties;
		this.resolver = resolver;
		this.ownAddresses = ownAddresses;
	}

	public OutboundUrlPolicy(OutboundUrlProperties properties, HostResolver resolver) {
		this(properties, resolver, new LocalAddresses());
	}

	public OutboundUrlPolicy(OutboundUrlProperties properties) {
		this(properties, InetAddress::getAllByName);
	}

	/** A policy that allows everything: clients built by hand against local stubs. */
	public static OutboundUrlPolicy permissive() {
		return new OutboundUrlPolicy(OutboundUrlProperties.permissive());
	}

	/**
	 * Passes when calsync may fetch the URL: its scheme is allowed and its host resolves,
	 * only to allowed addresses.
	 * @throws UnresolvableHostException when the host does not resolve now
	 * @throws ForbiddenUrlException naming the rule that refuses it
	 */
	public void check(URI url) {
		allowedAddresses(url);
	}

	/**
	 * The addresses a connection to the URL may use, resolved once and checked; for
	 * clients that connect to exactly these (the webhook sender).
	 * @throws UnresolvableHostException when the host does not resolve now
	 * @throws ForbiddenUrlException naming the rule that refuses it
	 */
	public InetAddress[] allowedAddresses(URI url) {
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
			addresses = resolve(url.getHost(), url);
		}
		catch (UnknownHostException ex) {
			throw new UnresolvableHostException("host '" + url.getHost() + "' does not resolve: " + ex.getMessage(),
					url);
		}
		String refusal = refusal(url.getHost(), addresses);
		if (refusal != null) {
			throw new ForbiddenUrlException(refusal, url);
		}
		return addresses;
	}

	/**
	 * The host's addresses, resolved once; what the connection may use (the HTTP client's
	 * DNS resolver).
	 * @throws UnknownHostException when the host does not resolve or is refused (the
	 * message names the address and the rule)
	 */
	public InetAddress[] allowedAddresses(String host) throws UnknownHostException {
		InetAddress[] addresses;
		try {
			addresses = resolve(host, null);
		}
		catch (ForbiddenUrlException ex) {
			throw new UnknownHostException(ex.getReason());
		}
		String refusal = refusal(host, addresses);
		if (refusal != null) {
			throw new UnknownHostException(refusal);
		}
		return addresses;
	}

	/** A literal is its own address (never looked up); a name goes to the resolver. */
	private InetAddress[] resolve(String host, URI url) throws UnknownHostException {
		// HttpClient hands its resolver the bare IPv6 literal, a URL the bracketed one
		String literalHost = (host.indexOf(':') >= 0 && !host.startsWith("[")) ? "[" + host + "]" : host;
		InetAddress literal = HostLiterals.literal(literalHost, url);
		if (literal != null) {
			return new InetAddress[] { literal };
		}
		InetAddress[] addresses = this.resolver.resolve(host);
		if (addresses == null || addresses.length == 0) {
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

	/** Why the address is refused, or {@code null} when it is allowed. */
	String refusal(InetAddress address) {
		String own = refusalOf(address);
		if (own != null) {
			return own;
		}
		for (InetAddress embedded : AddressRanges.embeddedIpv4(address)) {
			String refusal = refusalOf(embedded);
			if (refusal != null) {
				return "an IPv6 address carrying " + embedded.getHostAddress() + ", " + refusal;
			}
		}
		if (!this.properties.allowLoopback() && this.ownAddresses.get().contains(plain(address))) {
			return "one of this machine's own addresses (allowed only with calsync.caldav.url-policy.allow-loopback)";
		}
		return null;
	}

	private String refusalOf(InetAddress address) {
		AddressRanges.Range range = AddressRanges.find(address);
		if (range == null) {
			return null;
		}
		switch (range.kind()) {
			case LOOPBACK:
				return this.properties.allowLoopback() ? null
						: range.name() + " (allowed only with calsync.caldav.url-policy.allow-loopback)";
			case PRIVATE:
				return this.properties.allowPrivate() ? null
						: range.name() + " (allowed only with calsync.caldav.url-policy.allow-private)";
			case NEVER:
				return range.name() + ", which is never allowed";
			default:
				// judged by the IPv4 address it carries
				return null;
		}
	}

	/** The address without an IPv6 scope id, as {@link LocalAddresses} holds them. */
	private static InetAddress plain(InetAddress address) {
		try {
			return InetAddress.getByAddress(address.getAddress());
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Name resolution, replaceable in tests (a name that resolves to loopback). */
	@FunctionalInterface
	public interface HostResolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

}
