package com.wedsync.calsync.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.config.Registry;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.BasicHttpClientConnectionManager;

import com.wedsync.calsync.caldav.ForbiddenUrlException;
import com.wedsync.calsync.caldav.OutboundUrlPolicy;

import org.springframework.stereotype.Component;

/**
 * Posts one notification, signed like inbound notices ({@link WebhookSignature}), with
 * {@code X-Calsync-Event-Id} (the same on every attempt, for the receiver to drop
 * repeats) and {@code X-Calsync-Event-Type}. Redirects are not followed: a signed body
 * goes only where it was registered to go.
 * <p>
 * The endpoint's host is resolved once per delivery, by the {@link OutboundUrlPolicy},
 * and the connection goes only to the addresses the policy returned (the client's DNS
 * resolver answers with them), so a DNS answer that changes after the check (rebinding)
 * cannot reach a refused address. TLS still verifies the certificate against the
 * endpoint's name. Each delivery opens its own connection: deliveries are few, and a
 * pooled connection would outlive the resolution it was checked with.
 */
@Component
class NotificationSender {

	/** Header naming the notification; repeated attempts carry the same id. */
	static final String EVENT_ID_HEADER = "X-Calsync-Event-Id";

	/** Header carrying the notification type, e.g. {@code event.updated}. */
	static final String EVENT_TYPE_HEADER = "X-Calsync-Event-Type";

	private static final Registry<ConnectionSocketFactory> SOCKETS = RegistryBuilder.<ConnectionSocketFactory>create()
		.register("http", PlainConnectionSocketFactory.getSocketFactory())
		.register("https", SSLConnectionSocketFactory.getSocketFactory())
		.build();

	private final RequestConfig requests;

	private final Duration requestTimeout;

	private final OutboundUrlPolicy policy;

	NotificationSender(WebhookProperties properties, OutboundUrlPolicy policy) {
		this.policy = policy;
		int connectMillis = (int) properties.outbound().connectTimeout().toMillis();
		this.requestTimeout = properties.outbound().requestTimeout();
		this.requests = RequestConfig.custom()
			.setConnectTimeout(connectMillis)
			.setConnectionRequestTimeout(connectMillis)
			.setSocketTimeout((int) this.requestTimeout.toMillis())
			.setRedirectsEnabled(false)
			.build();
	}

	/** The endpoint's HTTP status; an exception when there was no answer. */
	int send(WebhookEndpoint endpoint, String secret, NotificationOutbox.Claimed notification)
			throws IOException, InterruptedException {
		URI url = endpoint.url();
		// Checked again at each delivery: the name may resolve elsewhere since it was
		// registered. These addresses are the only ones the connection may use.
		InetAddress[] allowed;
		try {
			allowed = this.policy.allowedAddresses(url);
		}
		catch (ForbiddenUrlException ex) {
			throw new IOException(ex.getMessage(), ex);
		}
		if (Thread.interrupted()) {
			throw new InterruptedException("stopped before delivering " + notification.id());
		}
		byte[] body = notification.payload().getBytes(StandardCharsets.UTF_8);
		long timestamp = Instant.now().getEpochSecond();
		HttpPost request = new HttpPost(url);
		request.setConfig(this.requests);
		request.setHeader("User-Agent", "calsync-webhooks");
		request.setHeader(EVENT_ID_HEADER, notification.id().toString());
		request.setHeader(EVENT_TYPE_HEADER, notification.eventType());
		request.setHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
		request.setHeader(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body));
		request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
		// The socket timeout bounds each read; this bounds the whole request.
		CompletableFuture<Void> deadline = CompletableFuture.runAsync(request::abort,
				CompletableFuture.delayedExecutor(this.requestTimeout.toMillis(), TimeUnit.MILLISECONDS));
		try (CloseableHttpClient client = client(allowed); CloseableHttpResponse response = client.execute(request)) {
			// The body is not read: only the status counts, and a large one is not waited
			// for.
			return response.getStatusLine().getStatusCode();
		}
		finally {
			deadline.cancel(false);
		}
	}

	private CloseableHttpClient client(InetAddress[] allowed) {
		// One request, no redirects, no proxy: the only host this resolver is asked
		// about is the endpoint's.
		BasicHttpClientConnectionManager connections = new BasicHttpClientConnectionManager(SOCKETS, null, null,
				(host) -> allowed.clone());
		return HttpClients.custom()
			.setConnectionManager(connections)
			.setDefaultRequestConfig(this.requests)
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.build();
	}

}
