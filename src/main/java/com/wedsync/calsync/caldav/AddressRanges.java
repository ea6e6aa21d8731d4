package com.wedsync.calsync.caldav;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The IANA special-purpose address ranges (RFC 6890 and its successors) and what the
 * outbound policy makes of each: loopback and private ranges are allowed by their flags,
 * every other special-purpose range never. An IPv6 address that carries an IPv4 address
 * (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo) is judged by that IPv4 address as
 * well, since that is where a translator or tunnel delivers the packets.
 */
final class AddressRanges {

	/** What a range means for the policy. */
	enum Kind {

		/** Allowed with {@code allow-loopback}. */
		LOOPBACK,

		/** Allowed with {@code allow-private}. */
		PRIVATE,

		/** Never allowed, whatever the flags. */
		NEVER,

		/** An IPv6 range judged by the IPv4 address it embeds. */
		EMBEDS_IPV4

	}

	/**
	 * A range: its kind, a name for the refusal message, and whether its addresses carry
	 * an IPv4 address that is judged too.
	 */
	record Range(byte[] prefix, int bits, Kind kind, String name, boolean embedsIpv4) {

		boolean contains(byte[] address) {
			if (address.length != this.prefix.length) {
				return false;
			}
			int whole = this.bits / 8;
			for (int i = 0; i < whole; i++) {
				if (address[i] != this.prefix[i]) {
					return false;
				}
			}
			int rest = this.bits % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xff << (8 - rest)) & 0xff;
			return (address[whole] & mask) == (this.prefix[whole] & mask);
		}

	}

	// Most specific first: the first range that contains an address decides.
	private static final List<Range> IPV4 = List.of(
			range("169.254.169.254/32", Kind.NEVER, "the cloud metadata address"),
			range("255.255.255.255/32", Kind.NEVER, "the broadcast address"),
			range("0.0.0.0/8", Kind.NEVER, "a wildcard or 'this network' address (0.0.0.0/8)"),
			range("127.0.0.0/8", Kind.LOOPBACK, "a loopback address"),
			range("10.0.0.0/8", Kind.PRIVATE, "a private address (10.0.0.0/8)"),
			range("172.16.0.0/12", Kind.PRIVATE, "a private address (172.16.0.0/12)"),
			range("192.168.0.0/16", Kind.PRIVATE, "a private address (192.168.0.0/16)"),
			range("100.64.0.0/10", Kind.PRIVATE, "a private address (carrier-grade NAT, 100.64.0.0/10)"),
			range("169.254.0.0/16", Kind.PRIVATE, "a private address (link-local, 169.254.0.0/16)"),
			range("192.0.0.0/24", Kind.NEVER, "a reserved address (IETF protocol assignments, 192.0.0.0/24)"),
			range("192.0.2.0/24", Kind.NEVER, "a reserved address (documentation, 192.0.2.0/24)"),
			range("198.51.100.0/24", Kind.NEVER, "a reserved address (documentation, 198.51.100.0/24)"),
			range("203.0.113.0/24", Kind.NEVER, "a reserved address (documentation, 203.0.113.0/24)"),
			range("192.88.99.0/24", Kind.NEVER, "a reserved address (6to4 relay anycast, 192.88.99.0/24)"),
			range("198.18.0.0/15", Kind.NEVER, "a reserved address (benchmarking, 198.18.0.0/15)"),
			range("224.0.0.0/4", Kind.NEVER, "a multicast address (224.0.0.0/4)"),
			range("240.0.0.0/4", Kind.NEVER, "a reserved address (240.0.0.0/4)"));

	private static final List<Range> IPV6 = List.of(range("::/128", Kind.NEVER, "a wildcard address (::)"),
			range("::1/128", Kind.LOOPBACK, "a loopback address"),
			range("::ffff:0:0/96", Kind.EMBEDS_IPV4, "an IPv4-mapped address"),
			range("::/96", Kind.EMBEDS_IPV4, "an IPv4-compatible address"),
			range("64:ff9b::/96", Kind.EMBEDS_IPV4, "a NAT64 address"),
			// RFC 8215: for local use only, so private whatever it embeds (and it is
			// judged by the IPv4 address in its last 32 bits, the /96 layout, too)
			range("64:ff9b:1::/48", Kind.PRIVATE, "a private address (local-use NAT64, 64:ff9b:1::/48)", true),
			range("2002::/16", Kind.EMBEDS_IPV4, "a 6to4 address"),
			range("2001:db8::/32", Kind.NEVER, "a reserved address (documentation, 2001:db8::/32)"),
			range("2001:2::/48", Kind.NEVER, "a reserved address (benchmarking, 2001:2::/48)"),
			range("2001:10::/28", Kind.NEVER, "a reserved address (ORCHID, 2001:10::/28)"),
			range("2001:20::/28", Kind.NEVER, "a reserved address (ORCHIDv2, 2001:20::/28)"),
			range("2001::/32", Kind.EMBEDS_IPV4, "a Teredo address"),
			range("3fff::/20", Kind.NEVER, "a reserved address (documentation, 3fff::/20)"),
			range("100::/64", Kind.NEVER, "a reserved address (discard-only, 100::/64)"),
			range("fd00:ec2::254/128", Kind.NEVER, "the cloud metadata address"),
			range("fc00::/7", Kind.PRIVATE, "a private address (unique local, fc00::/7)"),
			range("fe80::/10", Kind.PRIVATE, "a private address (link-local, fe80::/10)"),
			range("fec0::/10", Kind.PRIVATE, "a private address (site-local, fec0::/10)"),
			range("ff00::/8", Kind.NEVER, "a multicast address (ff00::/8)"));

	private AddressRanges() {
	}

	/** The first range of the address's family that contains it, or {@code null}. */
	static Range find(InetAddress address) {
		byte[] bytes = address.getAddress();
		for (Range range : (bytes.length == 4) ? IPV4 : IPV6) {
			if (range.contains(bytes)) {
				return range;
			}
		}
		return null;
	}

	/**
	 * The IPv4 addresses an IPv6 address carries: the last 32 bits of IPv4-mapped,
	 * IPv4-compatible and NAT64 addresses (also of local-use NAT64, in the /96 layout),
	 * bits 16-47 of 6to4, and the server and (inverted) client address of Teredo. Empty
	 * for an IPv4 address and any other IPv6 address.
	 */
	static List<InetAddress> embeddedIpv4(InetAddress address) {
		byte[] bytes = address.getAddress();
		List<InetAddress> embedded = new ArrayList<>();
		if (bytes.length != 16) {
			return embedded;
		}
		Range range = find(address);
		if (range == null || !range.embedsIpv4()) {
			return embedded;
		}
		if (bytes[0] == 0x20 && bytes[1] == 0x02) {
			embedded.add(ipv4(bytes[2], bytes[3], bytes[4], bytes[5]));
		}
		else if (bytes[0] == 0x20 && bytes[1] == 0x01) {
			embedded.add(ipv4(bytes[4], bytes[5], bytes[6], bytes[7]));
			embedded.add(ipv4((byte) ~bytes[12], (byte) ~bytes[13], (byte) ~bytes[14], (byte) ~bytes[15]));
		}
		else {
			embedded.add(ipv4(bytes[12], bytes[13], bytes[14], bytes[15]));
		}
		return embedded;
	}

	private static InetAddress ipv4(byte a, byte b, byte c, byte d) {
		try {
			return Inet4Address.getByAddress(new byte[] { a, b, c, d });
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Range range(String cidr, Kind kind, String name) {
		return range(cidr, kind, name, kind == Kind.EMBEDS_IPV4);
	}

	private static Range range(String cidr, Kind kind, String name, boolean embedsIpv4) {
		int slash = cidr.indexOf('/');
		try {
			// literals only: no name is looked up
			byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
			if (cidr.indexOf(':') >= 0 && prefix.length == 4) {
				// ::ffff:0:0 comes back as IPv4 from InetAddress; keep it 16 bytes
				byte[] mapped = new byte[16];
				mapped[10] = (byte) 0xff;
				mapped[11] = (byte) 0xff;
				System.arraycopy(prefix, 0, mapped, 12, 4);
				prefix = mapped;
			}
			return new Range(prefix, Integer.parseInt(cidr.substring(slash + 1)), kind, name, embedsIpv4);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
