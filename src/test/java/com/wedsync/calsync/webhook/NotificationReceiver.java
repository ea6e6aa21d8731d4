package com.wedsync.calsync.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's endpoint as the tests play it: a JDK HTTP server on a port reserved up
 * front, so it can refuse connections (not started), answer 503 (down) or take
 * notifications (up), checking each signature as a real receiver would.
 */
final class NotificationReceiver implements AutoCloseable {

	private final int port;

	private final List<Received> received = new ArrayList<>();

	private final JsonMapper json = JsonMapper.builder().build();

	private volatile String secret;

	private volatile boolean up;

	private HttpServer server;

	NotificationReceiver() {
		try (ServerSocket socket = new ServerSocket(0)) {
			this.port = socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + this.port + "/hooks");
	}

	void secret(String secret) {
		this.secret = secret;
	}

	/** Starts listening; answers 503 until {@link #up()}. */
	void listenDown() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", this.port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/hooks", this::handle);
		this.server.start();
	}

	void up() {
		this.up = true;
	}

	synchronized List<Received> received() {
		return List.copyOf(this.received);
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		if (!this.up) {
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
			return;
		}
		String timestamp = exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER);
		boolean valid = WebhookSignature.verify(this.secret, Long.parseLong(timestamp), body,
				exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER));
		synchronized (this) {
			this.received.add(new Received(exchange.getRequestHeaders().getFirst("X-Calsync-Event-Id"),
					exchange.getRequestHeaders().getFirst("X-Calsync-Event-Type"), this.json.readTree(body), valid));
		}
		exchange.sendResponseHeaders(valid ? 204 : 401, -1);
		exchange.close();
	}

	@Override
	public void close() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	/** One notification as it arrived, and whether its signature held. */
	record Received(String eventId, String type, JsonNode body, boolean signatureValid) {
	}

}
