package com.wedsync.calsync.realtime;

import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.databind.JsonNode;

import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * A real STOMP client (spring-messaging over the JDK's WebSocket client) for the live
 * status endpoint: connects with an {@code Authorization} header, subscribes, and keeps
 * what arrives (messages with their arrival time, ERROR frames, the close).
 */
public final class StompTestClient implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Duration SETTLE = Duration.ofMillis(500);

	/** One status message as received, with when it arrived. */
	public record Received(JsonNode body, Instant receivedAt) {

		public String status() {
			return this.body.get("status").asString();
		}

		public int progress(String field) {
			return this.body.get("progress").get(field).asInt();
		}

		/** From the publishing listener to this client. */
		public Duration latency() {
			return Duration.between(Instant.parse(this.body.get("at").asString()), this.receivedAt);
		}

	}

	public final BlockingQueue<Received> messages = new LinkedBlockingQueue<>();

	public final BlockingQueue<String> errors = new LinkedBlockingQueue<>();

	final CountDownLatch closed = new CountDownLatch(1);

	private final WebSocketStompClient client;

	private StompSession session;

	private StompTestClient() {
		this.client = new WebSocketStompClient(new StandardWebSocketClient());
		this.client.setMessageConverter(new JacksonJsonMessageConverter());
	}

	/**
	 * Connects to {@code /ws} of a node; the session is null when the CONNECT was refused
	 * (the ERROR frame's message is in {@link #errors}).
	 */
	public static StompTestClient connect(int port, String authorization) throws InterruptedException {
		StompTestClient test = new StompTestClient();
		StompHeaders connect = new StompHeaders();
		if (authorization != null) {
			connect.add("Authorization", authorization);
		}
		CompletableFuture<StompSession> session = test.client.connectAsync("ws://127.0.0.1:" + port + "/ws",
				new WebSocketHttpHeaders(), connect, test.new Handler());
		try {
			test.session = session.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			test.session = null;
			// a refused CONNECT ends with the ERROR frame and the connection closing
			test.closed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("No answer to CONNECT", ex);
		}
		return test;
	}

	public boolean isConnected() {
		return this.session != null && this.session.isConnected();
	}

	/**
	 * Subscribes; false when the subscription was refused (an ERROR frame). The simple
	 * broker sends no RECEIPT for a SUBSCRIBE, and a refusal comes within milliseconds,
	 * so a quiet half second is an accepted subscription.
	 */
	public boolean subscribe(String destination) throws InterruptedException {
		this.session.subscribe(destination, new Handler());
		long deadline = System.nanoTime() + SETTLE.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.errors.isEmpty()) {
				return false;
			}
			Thread.sleep(20);
		}
		return this.errors.isEmpty() && isConnected();
	}

	/** Messages until a COMPLETED or FAILED one (included). */
	public List<Received> awaitSyncEnd(Duration timeout) throws InterruptedException {
		List<Received> received = new ArrayList<>();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			Received next = this.messages.poll(100, TimeUnit.MILLISECONDS);
			if (next != null) {
				received.add(next);
				if (next.status().equals("COMPLETED") || next.status().equals("FAILED")) {
					return received;
				}
			}
		}
		throw new AssertionError("The sync did not end within " + timeout + "; received " + received.size());
	}

	@Override
	public void close() {
		if (isConnected()) {
			this.session.disconnect();
		}
		this.client.stop();
	}

	private final class Handler extends StompSessionHandlerAdapter {

		@Override
		public Type getPayloadType(StompHeaders headers) {
			return JsonNode.class;
		}

		@Override
		public void handleFrame(StompHeaders headers, Object payload) {
			if (headers.getMessageId() == null) {
				// an ERROR frame: its reason is in the message header
				StompTestClient.this.errors.add(String.valueOf(headers.getFirst("message")));
				return;
			}
			StompTestClient.this.messages.add(new Received((JsonNode) payload, Instant.now()));
		}

		@Override
		public void handleException(StompSession session, StompCommand command, StompHeaders headers, byte[] payload,
				Throwable exception) {
			StompTestClient.this.errors.add(exception.toString());
		}

		@Override
		public void handleTransportError(StompSession session, Throwable exception) {
			StompTestClient.this.closed.countDown();
		}

	}

}
