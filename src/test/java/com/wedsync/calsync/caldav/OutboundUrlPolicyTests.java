package com.wedsync.calsync.caldav;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The production policy against the addresses an attacker would point calsync at. */
class OutboundUrlPolicyTests {

	// "rebind.example" stands for any public name whose DNS answer points inside
	private final OutboundUrlPolicy production = new OutboundUrlPolicy(
			new OutboundUrlProperties(true, false, false), (
					host) -> host
						.equals("rebind.example")
								? new InetAddress[] { InetAddress.getByName("127.0.0.1") }
								: host.equals("mixed.example") ? new InetAddress[] {
										InetAddress.getByName("17.253.144.10"), InetAddress.getByName("10.1.2.3") }
										: InetAddress.getAllByName(host));

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "https://127.0.0.1/|loopback", "https://127.8.8.8/|loopback", "https://[::1]/|loopback",
					"https://localhost/|loopback", "https://rebind.example/|loopback", "https://10.0.0.5/|private",
					"https://172.16.9.9/|private", "https://192.168.1.1/|private", "https://100.64.0.1/|private",
					"https://169.254.169.254/latest/meta-data/|metadata", "https://[::ffff:169.254.169.254]/|metadata",
					"https://[::ffff:127.0.0.1]/|loopback", "https://169.254.10.10/|private",
					"https://[fe80::1]/|private", "https://[fd00::1]/|private", "https://[fd00:ec2::254]/|private",
					"https://[fc00::1]/|private", "https://0.0.0.0/|wildcard", "https://224.0.0.1/|multicast",
					"https://mixed.example/|private", "http://17.253.144.10/|https", "ftp://17.253.144.10/|https",
					"file:///etc/passwd|https", "https://user:pw@17.253.144.10/|credentials" })
	void shouldRefuseInternalAddressesAndInsecureSchemesNamingTheRule(String url, String rule) {
		assertThatExceptionOfType(ForbiddenUrlException.class).isThrownBy(() -> this.production.check(URI.create(url)))
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.getReason()).contains(rule));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "https://17.253.144.10/", "https://[2620:149:a44::10]/", "https://caldav.icloud.invalid/" })
	void shouldAllowPublicAddressesAndLeaveUnresolvableNamesToTheConnect(String url) {
		assertThatNoException().isThrownBy(() -> this.production.check(URI.create(url)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "rebind.example", "localhost", "169.254.169.254" })
	void shouldGiveTheConnectionNoRefusedAddress(String host) {
		assertThatExceptionOfType(UnknownHostException.class).isThrownBy(() -> this.production.allowedAddresses(host));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:5232/", "http://localhost/" })
	void shouldAllowLoopbackOverHttpWhereConfigured(String url) {
		OutboundUrlPolicy local = new OutboundUrlPolicy(new OutboundUrlProperties(false, true, false));
		assertThatNoException().isThrownBy(() -> local.check(URI.create(url)));
		assertThatExceptionOfType(ForbiddenUrlException.class)
			.isThrownBy(() -> local.check(URI.create("http://169.254.169.254/")));
	}

}
