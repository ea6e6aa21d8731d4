package com.wedsync.calsync.testpeers;

import java.net.URI;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock proxy in front of a CalDAV test server that can hold the next PUT (the
 * request waits, before it reaches the server, until the test lets it go, so what the
 * service does while one of its writes is in flight can be looked at) and refuse the PUTs
 * of one resource with a status of the test's choosing, as a server refuses what it
 * cannot hold.
 */
public final class InterceptingProxy implements AutoCloseable {

	private final WireMockServer server;

	private final Gate gate = new Gate();

	private final URI target;

	public InterceptingProxy(URI target) {
		this.target = target;
		this.server = new WireMockServer(options().dynamicPort().disableRequestJournal().extensions(this.gate));
		this.server.start();
		this.server.stubFor(WireMock.any(anyUrl()).willReturn(aResponse().proxiedFrom(target.toString())));
	}

	/**
	 * PUTs of resources whose name ends with {@code name} get this answer from now on.
	 */
	public void refusePuts(String name, int status, String body) {
		this.server.stubFor(put(urlPathMatching(".*" + Pattern.quote(name))).atPriority(1)
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/plain").withBody(body)));
	}

	/** Every request reaches the server again. */
	public void stopRefusing() {
		this.server.resetAll();
		this.server.stubFor(WireMock.any(anyUrl()).willReturn(aResponse().proxiedFrom(this.target.toString())));
	}

	public URI baseUrl() {
		return URI.create(this.server.baseUrl() + "/");
	}

	/** The next PUT waits until {@link #release()}. */
	public void holdNextPut() {
		this.gate.arm();
	}

	/** Whether a PUT is being held now. */
	public boolean holding() {
		return this.gate.holding;
	}

	/**
	 * The PUTs received so far; a client that gave up on a held PUT and tried again shows
	 * as one more.
	 */
	public int puts() {
		return this.gate.puts.get();
	}

	/** The PUTs and DELETEs received so far for resources under a path. */
	public long writesUnder(String path) {
		return this.gate.writes.stream().filter((url) -> url.startsWith(path)).count();
	}

	public void release() {
		this.gate.released.get().countDown();
	}

	@Override
	public void close() {
		release();
		this.server.stop();
	}

	private static final class Gate implements ResponseDefinitionTransformerV2 {

		private volatile boolean armed;

		private volatile boolean holding;

		private final AtomicInteger puts = new AtomicInteger();

		private final Queue<String> writes = new ConcurrentLinkedQueue<>();

		private final AtomicReference<CountDownLatch> released = new AtomicReference<>(new CountDownLatch(0));

		void arm() {
			this.released.set(new CountDownLatch(1));
			this.armed = true;
		}

		@Override
		public String getName() {
			return "put-gate";
		}

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			boolean put = "PUT".equals(serveEvent.getRequest().getMethod().getName());
			if (put) {
				this.puts.incrementAndGet();
			}
			if (put || "DELETE".equals(serveEvent.getRequest().getMethod().getName())) {
				this.writes.add(serveEvent.getRequest().getUrl());
			}
			if (this.armed && put) {
				this.armed = false;
				this.holding = true;
				try {
					// bounded, so a test that fails never leaves the proxy's thread stuck
					this.released.get().await(2, TimeUnit.MINUTES);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				finally {
					this.holding = false;
				}
			}
			return serveEvent.getResponseDefinition();
		}

	}

}
