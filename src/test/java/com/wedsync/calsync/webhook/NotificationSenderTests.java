package com.wedsync.calsync.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import com.wedsync.calsync.caldav.OutboundUrlPolicy;
import com.wedsync.calsync.caldav.OutboundUrlProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The webhook sender connects only to the addresses the outbound policy resolved and
 * allowed, against a name whose DNS answer changes after the first lookup (rebinding).
 * The name exists only in the policy's resolver, so reaching the receiver at all proves
 * the connection used the checked resolution and not a lookup of its own.
 */
class NotificationSenderTests {

	private final List<String> hostHeaders = new CopyOnWriteArrayList<>();

	private final AtomicInteger lookups = new AtomicInteger();

	private HttpServer receiver;

	@BeforeEach
	void start() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/hooks", (exchange) -> {
			this.hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stop() {
		this.receiver.stop(0);
	}

	@Test
	void shouldDeliverToTheCheckedAddressAndRefuseOnceTheNameRebindsInside() throws Exception {
		// first answer: the receiver (loopback, allowed here); every later one: a private
		// address, refused
		OutboundUrlPolicy policy = new OutboundUrlPolicy(new OutboundUrlProperties(false, true, false),
				(host) -> (this.lookups.incrementAndGet() == 1) ? addresses("127.0.0.1") : addresses("10.0.0.7"),
				Set::of);
		NotificationSender sender = new NotificationSender(properties(), policy);
		WebhookEndpoint endpoint = endpoint(
				"http://hooks.rebind.test:" + this.receiver.getAddress().getPort() + "/hooks");

		assertThat(sender.send(endpoint, "secret", notification())).isEqualTo(204);
		assertThat(this.lookups).hasValue(1);
		assertThat(this.hostHeaders).containsExactly("hooks.rebind.test:" + this.receiver.getAddress().getPort());

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> sender.send(endpoint, "secret", notification()))
			.withMessageContaining("10.0.0.7")
			.withMessageContaining("private");
		assertThat(this.lookups).hasValue(2);
		assertThat(this.hostHeaders).hasSize(1);
	}

	@Test
	void shouldNeverConnectToANameThatResolvesToARefusedAddress() {
		OutboundUrlPolicy strict = new OutboundUrlPolicy(new OutboundUrlProperties(false, false, false),
				(host) -> addresses("127.0.0.1"), Set::of);
		NotificationSender sender = new NotificationSender(properties(), strict);
		WebhookEndpoint endpoint = endpoint("http://hooks.example:" + this.receiver.getAddress().getPort() + "/hooks");

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> sender.send(endpoint, "secret", notification()))
			.withMessageContaining("loopback");
		assertThat(this.hostHeaders).isEmpty();
	}

	private static InetAddress[] addresses(String literal) throws UnknownHostException {
		return new InetAddress[] { InetAddress.getByName(literal) };
	}

	private static WebhookEndpoint endpoint(String url) {
		return new WebhookEndpoint(UUID.randomUUID(), "tenant", URI.create(url), Set.of(), null, Instant.now());
	}

	private static NotificationOutbox.Claimed notification() {
		return new NotificationOutbox.Claimed(UUID.randomUUID(), UUID.randomUUID(), "event.updated", "{\"id\":1}", 0);
	}

	private static WebhookProperties properties() {
		return new WebhookProperties(
				new WebhookProperties.Inbound(Duration.ofMinutes(5), DataSize.ofKilobytes(64), Duration.ofSeconds(1)),
				new WebhookProperties.Polling(4, Duration.ofHours(1)),
				new WebhookProperties.Outbound(Duration.ofSeconds(1), 20, 10, Duration.ofSeconds(5),
						Duration.ofHours(1), Duration.ofMinutes(2), Duration.ofSeconds(2), Duration.ofSeconds(5)));
	}

}
