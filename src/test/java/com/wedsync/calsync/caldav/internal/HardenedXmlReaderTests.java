package com.wedsync.calsync.caldav.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.DavCredentials;
import com.wedsync.calsync.caldav.TransportException;
import com.wedsync.calsync.caldav.UnreadableAnswerException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.dav;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Hostile response bodies are refused before they can do anything. */
class HardenedXmlReaderTests {

	private static final URI SOURCE = URI.create("https://caldav.example.com/cal/");

	private final HardenedXmlReader reader = new HardenedXmlReader(32);

	@Test
	void shouldRefuseAnExternalEntityWithoutReadingTheFile() {
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE multistatus [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<d:multistatus xmlns:d="DAV:"><d:response><d:href>&xxe;</d:href></d:response></d:multistatus>
				""";
		assertThatExceptionOfType(TransportException.class).isThrownBy(() -> read(xxe))
			.withMessageContaining("DOCTYPE")
			.withMessageNotContaining("root:");
	}

	@Test
	void shouldRefuseAnExternalDtdWithoutFetchingIt() {
		WireMockServer attacker = new WireMockServer(options().dynamicPort());
		attacker.start();
		try {
			String xxe = "<?xml version=\"1.0\"?><!DOCTYPE multistatus SYSTEM \"" + attacker.baseUrl()
					+ "/evil.dtd\"><d:multistatus xmlns:d=\"DAV:\"/>";
			assertThatExceptionOfType(TransportException.class).isThrownBy(() -> read(xxe))
				.withMessageContaining("DOCTYPE");
			attacker.verify(0, WireMock.anyRequestedFor(WireMock.anyUrl()));
		}
		finally {
			attacker.stop();
		}
	}

	@Test
	void shouldRefuseBillionLaughsQuickly() {
		StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
		for (int i = 1; i < 10; i++) {
			doc.append("<!ENTITY lol").append(i).append(" \"");
			doc.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
		}
		doc.append("]><d:multistatus xmlns:d=\"DAV:\"><d:href>&lol9;</d:href></d:multistatus>");
		assertTimeoutPreemptively(Duration.ofSeconds(2),
				() -> assertThatExceptionOfType(TransportException.class).isThrownBy(() -> read(doc.toString())));
	}

	@Test
	void shouldRefuseXmlNestedDeeperThanTheLimit() {
		String deep = "<a>".repeat(33) + "</a>".repeat(33);
		assertThatExceptionOfType(TransportException.class).isThrownBy(() -> read(deep))
			.withMessageContaining("deeper than 32");
		assertThat(read("<a>".repeat(32) + "</a>".repeat(32)).name().getLocalPart()).isEqualTo("a");
	}

	@Test
	void shouldRefuseMoreElementsThanTheLimitHoweverShallow() {
		HardenedXmlReader capped = new HardenedXmlReader(32, 100);
		String wide = "<m>" + "<h/>".repeat(100) + "</m>";
		assertThatExceptionOfType(UnreadableAnswerException.class)
			.isThrownBy(() -> capped.read(SOURCE, wide.getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("more than 100 XML elements");
		String full = "<m>" + "<h/>".repeat(99) + "</m>";
		assertThat(capped.read(SOURCE, full.getBytes(StandardCharsets.UTF_8)).children()).hasSize(99);
	}

	@Test
	void shouldReportMalformedXmlAsTransportFailure() {
		assertThatExceptionOfType(TransportException.class).isThrownBy(() -> read("<d:multistatus xmlns:d=\"DAV:\">"))
			.withMessageContaining("Malformed XML");
	}

	@Test
	void shouldRejectAHostileMultistatusComingFromTheServer() {
		WireMockServer server = new WireMockServer(options().dynamicPort());
		server.start();
		try (SardineCalDavClientFactory factory = new SardineCalDavClientFactory(CalDavSettings.defaults(),
				new SimpleMeterRegistry());
				CalDavClient client = factory.connect(URI.create(server.baseUrl()), new DavCredentials("u", "p"))) {
			server.stubFor(dav("PROPFIND", "/home/").willReturn(aResponse().withStatus(207)
				.withBody("<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
						+ "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>&x;</d:href></d:response>"
						+ "</d:multistatus>")));
			assertThatExceptionOfType(TransportException.class)
				.isThrownBy(() -> client.listCalendars(URI.create(server.baseUrl() + "/home/")))
				.withMessageContaining("DOCTYPE");
		}
		finally {
			server.stop();
		}
	}

	@Test
	void shouldRefuseAResponseBodyLargerThanTheLimit() {
		WireMockServer server = new WireMockServer(options().dynamicPort());
		server.start();
		CalDavSettings small = new CalDavSettings(50, Duration.ofSeconds(5), Duration.ofSeconds(5), 1024, 32);
		try (SardineCalDavClientFactory factory = new SardineCalDavClientFactory(small, new SimpleMeterRegistry());
				CalDavClient client = factory.connect(URI.create(server.baseUrl()), new DavCredentials("u", "p"))) {
			server.stubFor(dav("PROPFIND", "/home/")
				.willReturn(aResponse().withStatus(207).withBody("<m>" + "x".repeat(4096) + "</m>")));
			assertThatExceptionOfType(TransportException.class)
				.isThrownBy(() -> client.listCalendars(URI.create(server.baseUrl() + "/home/")))
				.withMessageContaining("larger than 1024 bytes");
		}
		finally {
			server.stop();
		}
	}

	private XmlElement read(String xml) {
		return this.reader.read(SOURCE, xml.getBytes(StandardCharsets.UTF_8));
	}

}
