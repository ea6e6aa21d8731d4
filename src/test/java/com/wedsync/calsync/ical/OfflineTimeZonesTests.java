package com.wedsync.calsync.ical;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.TimeZoneUpdater;
import net.fortuna.ical4j.util.CompatibilityHints;
import net.fortuna.ical4j.util.Configurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Time zones must never need the network: a sync that waits on tzurl.org is a sync that
 * fails when it is down. Every outgoing URL connection in this JVM asks the default
 * {@link ProxySelector} first, so a recording selector (pointing at a closed local port,
 * so nothing ever leaves the machine) sees any attempt.
 */
class OfflineTimeZonesTests {

	private final List<URI> connectionAttempts = new CopyOnWriteArrayList<>();

	private ProxySelector previous;

	@BeforeEach
	void recordConnectionAttempts() {
		this.previous = ProxySelector.getDefault();
		ProxySelector.setDefault(new ProxySelector() {

			@Override
			public List<Proxy> select(URI uri) {
				OfflineTimeZonesTests.this.connectionAttempts.add(uri);
				return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 1)));
			}

			@Override
			public void connectFailed(URI uri, SocketAddress address, IOException ex) {
			}

		});
	}

	@AfterEach
	void restoreProxySelector() {
		ProxySelector.setDefault(this.previous);
	}

	@Test
	void shouldShipIcal4jPropertiesThatDisableTimeZoneUpdates() {
		assertThat(Configurator.getProperty("net.fortuna.ical4j.timezone.update.enabled")).hasValue("false");
		assertThat(Configurator.getProperty("net.fortuna.ical4j.timezone.cache.impl"))
			.hasValue("net.fortuna.ical4j.util.MapTimeZoneCache");
		assertThat(new TimeZoneUpdater().isEnabled()).isFalse();
		assertThat(CompatibilityHints.isHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING)).isTrue();
		assertThat(CompatibilityHints.isHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING)).isTrue();
	}

	@Test
	void shouldDetectAConnectionAttempt() {
		// proves the harness: were an update enabled, this is what ical4j would do
		assertThatIOException()
			.isThrownBy(() -> new URL("https://www.tzurl.org/zoneinfo-global/Pacific/Chatham").openStream());

		assertThat(this.connectionAttempts).hasSize(1);
	}

	@Test
	void shouldLoadBundledIcal4jZoneWithoutConnecting() {
		// the bundled definition carries a TZURL, which an enabled updater would fetch
		TimeZone chatham = TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone("Pacific/Chatham");

		assertThat(chatham).isNotNull();
		assertThat(this.connectionAttempts).isEmpty();
	}

	@Test
	void shouldParseZonedEventsWithoutConnecting() {
		CalendarObjectParser parser = new Ical4jCalendarObjectParser();
		String withoutVtimezone = Fixtures.ical("new-york-meeting-duration.ics")
			.replaceAll("(?s)BEGIN:VTIMEZONE.*END:VTIMEZONE\r\n", "");

		parser.parse(Fixtures.ical("icloud-ceremony-london.ics"));
		parser.parse(Fixtures.ical("weekly-with-overrides.ics"));
		CalendarObject fromJdkZone = parser.parse(withoutVtimezone);

		assertThat(fromJdkZone.timing().start()).hasToString("2027-11-05T14:00:00Z");
		assertThat(this.connectionAttempts).isEmpty();
	}

}
