package com.wedsync.calsync.testpeers;

import java.net.URI;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock proxy in front of a CalDAV test server that breaks a share of the requests
 * in a seeded, repeatable pattern (connection resets, empty answers, 500, 503 with
 * Retry-After: 1, 429), or every request while the host is "down". A broken request never
 * reaches the server behind.
 */
public final class FaultyProxy implements AutoCloseable {

	/** The methods a sync sends most; MKCALENDAR and GET of the test harness pass. */
	private static final List<String> FAULTED_METHODS = List.of("REPORT", "PUT", "PROPFIND");

	private final WireMockServer server;

	private final FaultInjector injector;

	public FaultyProxy(URI target, double faultRate, long seed) {
		this.injector = new FaultInjector(faultRate, seed);
		this.server = new WireMockServer(options().dynamicPort().disableRequestJournal().extensions(this.injector));
		this.server.start();
		this.server.stubFor(WireMock.any(anyUrl()).willReturn(aResponse().proxiedFrom(target.toString())));
	}

	public URI baseUrl() {
		return URI.create(this.server.baseUrl() + "/");
	}

	/** Every request is reset from now on, as if the host were gone. */
	public void goDown() {
		this.injector.down = true;
	}

	public void recover() {
		this.injector.down = false;
	}

	public void faultRate(double rate) {
		this.injector.rate = rate;
	}

	/** Requests received, broken or passed on. */
	public int requests() {
		return this.injector.requests.get();
	}

	/** Requests answered with a fault instead of the server's answer. */
	public int faults() {
		return this.injector.faults.get();
	}

	@Override
	public void close() {
		this.server.stop();
	}

	private static final class FaultInjector implements ResponseDefinitionTransformerV2 {

		private final Random random;

		private final AtomicInteger requests = new AtomicInteger();

		private final AtomicInteger faults = new AtomicInteger();

		private volatile double rate;

		private volatile boolean down;

		FaultInjector(double rate, long seed) {
			this.rate = rate;
			this.random = new Random(seed);
		}

		@Override
		public String getName() {
			return "fault-injector";
		}

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			this.requests.incrementAndGet();
			if (this.down) {
				this.faults.incrementAndGet();
				return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
			}
			if (!FAULTED_METHODS.contains(serveEvent.getRequest().getMethod().getName())) {
				return serveEvent.getResponseDefinition();
			}
			int fault = nextFault();
			if (fault < 0) {
				return serveEvent.getResponseDefinition();
			}
			this.faults.incrementAndGet();
			return switch (fault) {
				case 0 -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
				case 1 -> aResponse().withFault(Fault.EMPTY_RESPONSE).build();
				case 2 -> aResponse().withStatus(500).build();
				case 3 -> aResponse().withStatus(503).withHeader("Retry-After", "1").build();
				default -> aResponse().withStatus(429).build();
			};
		}

		/** -1 for no fault, else which; one draw pair per request keeps the pattern. */
		private synchronized int nextFault() {
			boolean broken = this.random.nextDouble() < this.rate;
			int kind = this.random.nextInt(5);
			return broken ? kind : -1;
		}

	}

}
