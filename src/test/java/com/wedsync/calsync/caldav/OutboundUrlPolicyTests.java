package com.wedsync.calsync.caldav;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The production policy against the addresses an attacker would point calsync at, every
 * spelling of them included. Names resolve through a stub: no real DNS.
 */
class OutboundUrlPolicyTests {

	/** What the stub resolver answers; any other name does not resolve. */
	private static final Map<String, List<String>> DNS = Map.of("caldav.icloud.com", List.of("17.253.144.10"),
			"p07-caldav.icloud.com", List.of("17.248.160.70", "2620:149:a44::10"),
			// public names whose DNS answer points inside
			"rebind.example", List.of("127.0.0.1"), "mixed.example", List.of("17.253.144.10", "10.1.2.3"), "localhost",
			List.of("127.0.0.1", "::1"), "own.example", List.of("17.1.2.3"));

	/** Stands for this machine's public interface addresses. */
	private static final Set<String> OWN = Set.of("17.1.2.3", "2a01:4f8::5");

	private final OutboundUrlPolicy production = policy(new OutboundUrlProperties(true, false, false));

	@ParameterizedTest(name = "{0} is refused: {1}")
	@CsvSource(delimiter = '|', value = {
			// numeric hosts that are not dotted quads: ambiguous
			"https://0x7f.0.0.1/|no host", "https://017700000001/|ambiguous", "https://2130706433/|ambiguous",
			"https://0177.0.0.1/|ambiguous", "https://0x7f.0.0.1/|no host", "https://127.000.000.001/|ambiguous",
			"https://0x/|ambiguous", "https://1.2.3.4./|no host", "https://127.1/|no host",
			// IPv6 carrying an IPv4 address, judged by it
			"https://[::127.0.0.1]/|carrying 127.0.0.1, a loopback", "https://[::ffff:127.0.0.1]/|loopback",
			"https://[::ffff:7f00:1]/|loopback", "https://[::ffff:169.254.169.254]/|metadata",
			"https://[64:ff9b::7f00:1]/|carrying 127.0.0.1, a loopback",
			"https://[64:ff9b::a9fe:a9fe]/|carrying 169.254.169.254, the cloud metadata",
			"https://[64:ff9b:1::a00:1]/|local-use NAT64", "https://[64:ff9b:1::11fd:900a]/|local-use NAT64",
			"https://[2002:7f00:1::]/|carrying 127.0.0.1, a loopback", "https://[2002:a00:1::1]/|carrying 10.0.0.1",
			"https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/|carrying 127.0.0.1",
			"https://[2001:0:7f00:1::1]/|carrying 127.0.0.1", "https://[::a00:1]/|carrying 10.0.0.1",
			// zone ids
			"https://[fe80::1%25lo]/|zone id", "https://[fe80::1%25eth0]/|zone id", "https://[::1%251]/|zone id",
			// IPv4 special-purpose ranges
			"https://0.0.0.0/|wildcard", "https://0.1.2.3/|this network", "https://10.0.0.5/|private",
			"https://100.64.0.1/|carrier-grade NAT", "https://100.127.255.254/|carrier-grade NAT",
			"https://127.0.0.1/|loopback", "https://127.8.8.8/|loopback",
			"https://169.254.169.254/latest/meta-data/|metadata", "https://169.254.10.10/|link-local",
			"https://172.16.9.9/|private", "https://172.31.255.255/|private", "https://192.0.0.170/|192.0.0.0/24",
			"https://192.0.2.1/|documentation", "https://192.88.99.1/|6to4 relay", "https://192.168.1.1/|private",
			"https://198.18.0.1/|benchmarking", "https://198.19.255.255/|benchmarking",
			"https://198.51.100.7/|documentation", "https://203.0.113.9/|documentation", "https://224.0.0.1/|multicast",
			"https://239.255.255.250/|multicast", "https://240.0.0.1/|240.0.0.0/4",
			"https://255.255.255.254/|240.0.0.0/4", "https://255.255.255.255/|broadcast",
			// IPv6 special-purpose ranges
			"https://[::]/|wildcard", "https://[::1]/|loopback", "https://[fc00::1]/|unique local",
			"https://[fd00::1]/|unique local", "https://[fd00:ec2::254]/|metadata", "https://[fe80::1]/|link-local",
			"https://[febf::1]/|link-local", "https://[fec0::1]/|site-local", "https://[ff02::1]/|multicast",
			"https://[ff0e::1]/|multicast", "https://[2001:db8::1]/|documentation", "https://[3fff::1]/|documentation",
			"https://[100::1]/|discard-only", "https://[2001:2::1]/|benchmarking", "https://[2001:10::1]/|ORCHID",
			"https://[2001:20::1]/|ORCHIDv2",
			// this machine's own addresses, however spelt
			"https://17.1.2.3/|own addresses", "https://[2a01:4f8::5]/|own addresses",
			"https://[::ffff:17.1.2.3]/|own addresses", "https://own.example/|own addresses",
			// names
			"https://localhost/|loopback", "https://rebind.example/|loopback", "https://mixed.example/|private",
			"https://nowhere.invalid/|does not resolve",
			// schemes and credentials
			"http://17.253.144.10/|https", "ftp://17.253.144.10/|https", "file:///etc/passwd|https",
			"https://user:pw@17.253.144.10/|credentials" })
	void shouldRefuseEveryFormOfAnInternalAddressNamingTheRule(String url, String rule) {
		assertThatExceptionOfType(ForbiddenUrlException.class).isThrownBy(() -> this.production.check(URI.create(url)))
			.satisfies((ex) -> assertThat(ex.getReason()).contains(rule));
	}

	@ParameterizedTest(name = "{0} is allowed")
	@ValueSource(strings = { "https://caldav.icloud.com/", "https://p07-caldav.icloud.com:443/1234/calendars/",
			"https://17.253.144.10/", "https://8.8.8.8/", "https://[2620:149:a44::10]/",
			// NAT64 and 6to4 of a public address: IPv6-only networks reach public servers
			// so
			"https://[64:ff9b::11fd:900a]/", "https://[64:ff9b::17.253.144.10]/", "https://[2002:11fd:900a::1]/",
			"https://[2001:0:4136:e378:8000:63bf:ee02:6ff5]/", "https://1.1.1.1/", "https://100.63.255.255/",
			"https://100.128.0.1/", "https://172.32.0.1/", "https://198.20.0.1/", "https://223.255.255.255/",
			"https://[2001:db9::1]/", "https://[fbff::1]/" })
	void shouldAllowPublicAddresses(String url) {
		assertThatNoException().isThrownBy(() -> this.production.check(URI.create(url)));
	}

	@Test
	void shouldTellAnUnresolvableHostFromARefusedOne() {
		assertThatExceptionOfType(UnresolvableHostException.class)
			.isThrownBy(() -> this.production.check(URI.create("https://nowhere.invalid/")));
		assertThatExceptionOfType(ForbiddenUrlException.class)
			.isThrownBy(() -> this.production.check(URI.create("https://rebind.example/")))
			.isNotInstanceOf(UnresolvableHostException.class);
	}

	@Test
	void shouldReturnTheAddressesItChecked() {
		assertThat(this.production.allowedAddresses(URI.create("https://p07-caldav.icloud.com/")))
			.extracting(InetAddress::getHostAddress)
			.containsExactly("17.248.160.70", "2620:149:a44:0:0:0:0:10");
	}

	@ParameterizedTest
	@ValueSource(strings = { "rebind.example", "localhost", "169.254.169.254", "::1", "[::1]", "0x7f000001",
			"2130706433", "fe80::1%lo", "own.example", "nowhere.invalid" })
	void shouldGiveTheConnectionNoRefusedAddress(String host) {
		assertThatExceptionOfType(UnknownHostException.class).isThrownBy(() -> this.production.allowedAddresses(host));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:5232/", "http://localhost/", "http://[::1]/", "http://[::127.0.0.1]/",
			"http://[64:ff9b::7f00:1]/", "http://17.1.2.3/" })
	void shouldAllowLoopbackAndThisMachineOverHttpWhereConfigured(String url) {
		OutboundUrlPolicy local = policy(new OutboundUrlProperties(false, true, false));

		assertThatNoException().isThrownBy(() -> local.check(URI.create(url)));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "http://169.254.169.254/", "http://[fd00:ec2::254]/", "http://10.0.0.1/", "http://0x7f000001/",
					"http://[fe80::1%25lo]/", "http://192.0.2.1/", "http://0.0.0.0/", "http://255.255.255.255/" })
	void shouldStillRefuseTheRestWhereLoopbackIsAllowed(String url) {
		OutboundUrlPolicy local = policy(new OutboundUrlProperties(false, true, false));

		assertThatExceptionOfType(ForbiddenUrlException.class).isThrownBy(() -> local.check(URI.create(url)));
	}

	@ParameterizedTest
	@CsvSource({ "https://10.0.0.1/,true", "https://[64:ff9b::a00:1]/,true", "https://[fe80::1]/,true",
			"https://[64:ff9b:1::a00:1]/,true", "https://100.64.0.1/,true", "https://169.254.169.254/,false",
			"https://192.0.2.1/,false", "https://127.0.0.1/,false", "https://17.1.2.3/,false",
			"https://[ff02::1]/,false" })
	void shouldAllowPrivateRangesOnlyWherePrivateIsAllowed(String url, boolean allowed) {
		OutboundUrlPolicy privateAllowed = policy(new OutboundUrlProperties(true, false, true));

		if (allowed) {
			assertThatNoException().isThrownBy(() -> privateAllowed.check(URI.create(url)));
		}
		else {
			assertThatExceptionOfType(ForbiddenUrlException.class)
				.isThrownBy(() -> privateAllowed.check(URI.create(url)));
		}
	}

	@Test
	void shouldRefuseEveryAddressOfThisMachineWithTheRealInterfaces() throws Exception {
		OutboundUrlPolicy real = new OutboundUrlPolicy(new OutboundUrlProperties(false, false, false),
				OutboundUrlPolicyTests::resolve);
		List<InetAddress> mine = Collections.list(NetworkInterface.getNetworkInterfaces())
			.stream()
			.flatMap((nic) -> Collections.list(nic.getInetAddresses()).stream())
			.toList();

		assertThat(mine).isNotEmpty();
		for (InetAddress address : mine) {
			assertThat(real.refusal(address)).as(address.getHostAddress()).isNotNull();
		}
	}

	private static OutboundUrlPolicy policy(OutboundUrlProperties properties) {
		return new OutboundUrlPolicy(properties, OutboundUrlPolicyTests::resolve,
				() -> OWN.stream().map(OutboundUrlPolicyTests::literal).collect(java.util.stream.Collectors.toSet()));
	}

	private static InetAddress[] resolve(String host) throws UnknownHostException {
		List<String> answer = DNS.get(host);
		if (answer == null) {
			throw new UnknownHostException(host + ": not in the test's DNS");
		}
		return answer.stream().map(OutboundUrlPolicyTests::literal).toArray(InetAddress[]::new);
	}

	private static InetAddress literal(String address) {
		try {
			return InetAddress.getByName(address);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
