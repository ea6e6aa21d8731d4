package com.wedsync.calsync.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.wedsync.calsync.integration.credentials.SealedCredential;
import com.wedsync.calsync.support.EmbeddedDatabases;
import com.wedsync.calsync.webhook.NotificationOutbox.Claimed;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's claim on the embedded H2 default (the functional tests run it on
 * PostgreSQL): notifications of one resource go one at a time, in the order they were
 * written; a claimed one is leased; a dead one no longer holds back the next.
 */
class NotificationOutboxTests {

	private JdbcClient jdbc;

	private NotificationOutbox outbox;

	private WebhookEndpoint endpoint;

	@BeforeEach
	void setUp() {
		this.jdbc = JdbcClient.create(EmbeddedDatabases.migratedH2());
		this.outbox = new NotificationOutbox(this.jdbc);
		WebhookEndpointRepository endpoints = new WebhookEndpointRepository(this.jdbc);
		UUID id = UUID.randomUUID();
		endpoints.insert(id, "acme", URI.create("http://127.0.0.1:9/hooks"), Set.of(),
				new SealedCredential("k", "sealed"));
		this.endpoint = endpoints.find(id).orElseThrow();
	}

	@Test
	void shouldHoldBackALaterNotificationOfTheSameEventUntilTheEarlierOneIsDelivered() {
		UUID first = enqueue("event:a");
		UUID second = enqueue("event:a");
		UUID other = enqueue("event:b");

		List<Claimed> claimed = this.outbox.claim(10, Duration.ofMinutes(1));

		assertThat(claimed).extracting(Claimed::id).containsExactly(first, other);
		assertThat(this.outbox.claim(10, Duration.ofMinutes(1))).as("leased, and the second waits").isEmpty();
		this.outbox.markDelivered(first, 1);
		assertThat(this.outbox.claim(10, Duration.ofMinutes(1))).extracting(Claimed::id).containsExactly(second);
		assertThat(this.outbox.countPending()).isEqualTo(2);
	}

	@Test
	void shouldLetTheNextNotificationGoOnceTheEarlierOneIsDead() {
		UUID first = enqueue("event:a");
		UUID second = enqueue("event:a");
		this.outbox.claim(10, Duration.ZERO);

		this.outbox.markDead(first, 10, "HTTP 503");

		assertThat(this.outbox.claim(10, Duration.ZERO)).extracting(Claimed::id).containsExactly(second);
		assertThat(this.outbox.deliveries(this.endpoint.id(), NotificationOutbox.DeliveryStatus.DEAD, 10))
			.extracting(NotificationOutbox.Delivery::id)
			.containsExactly(first);
	}

	@Test
	void shouldKeepEveryAttemptInTheDeliveryLog() {
		UUID id = enqueue("integration:x");
		this.outbox.recordAttempt(id, 1, null, "ConnectException", 3);
		this.outbox.recordAttempt(id, 2, 503, "HTTP 503", 5);
		this.outbox.recordAttempt(id, 3, 204, null, 4);
		this.outbox.markDelivered(id, 3);

		NotificationOutbox.Delivery delivery = this.outbox.deliveries(this.endpoint.id(), null, 10).get(0);

		assertThat(delivery.status()).isEqualTo(NotificationOutbox.DeliveryStatus.DELIVERED);
		assertThat(delivery.log()).extracting(NotificationOutbox.Attempt::statusCode).containsExactly(null, 503, 204);
	}

	private UUID enqueue(String resource) {
		UUID id = UUID.randomUUID();
		this.outbox.enqueue(id, this.endpoint, NotificationType.EVENT_UPDATED, resource, "{}");
		return id;
	}

}
