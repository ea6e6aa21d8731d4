package com.wedsync.calsync.benchmark;

import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A pass-through HTTP proxy in front of a CalDAV server that counts requests and the
 * bytes of both directions (request line, headers and bodies). Both calsync and
 * vdirsyncer talk to the server through it, so their counts are taken the same way.
 */
final class CountingProxy implements AutoCloseable {

	private final WireMockServer server;

	private final Counter counter = new Counter();

	CountingProxy(URI target) {
		this.server = new WireMockServer(
				options().dynamicPort().disableRequestJournal().containerThreads(32).extensions(this.counter));
		this.server.start();
		this.server.stubFor(WireMock.any(anyUrl()).willReturn(aResponse().proxiedFrom(target.toString())));
	}

	URI baseUrl() {
		return URI.create(this.server.baseUrl() + "/");
	}

	Snapshot snapshot() {
		return new Snapshot(this.counter.requests.get(), this.counter.bytes.get());
	}

	@Override
	public void close() {
		this.server.stop();
	}

	/** Requests and bytes so far; subtract two to get what happened in between. */
	record Snapshot(long requests, long bytes) {

		Snapshot minus(Snapshot earlier) {
			return new Snapshot(this.requests - earlier.requests, this.bytes - earlier.bytes);
		}

	}

	private static final class Counter implements ServeEventListener {

		private final AtomicLong requests = new AtomicLong();

		private final AtomicLong bytes = new AtomicLong();

		@Override
		public String getName() {
			return "request-counter";
		}

		@Override
		public void afterComplete(ServeEvent event, Parameters parameters) {
			this.requests.incrementAndGet();
			long size = event.getRequest().getMethod().getName().length() + event.getRequest().getUrl().length() + 12
					+ headerBytes(event.getRequest().getHeaders()) + event.getRequest().getBody().length;
			if (event.getResponse() != null) {
				size += 17 + headerBytes(event.getResponse().getHeaders());
				byte[] body = event.getResponse().getBody();
				size += (body != null) ? body.length : 0;
			}
			this.bytes.addAndGet(size);
		}

		private static long headerBytes(HttpHeaders headers) {
			long size = 0;
			if (headers != null) {
				for (HttpHeader header : headers.all()) {
					for (String value : header.values()) {
						size += header.key().length() + 2 + value.length() + 2;
					}
				}
			}
			return size;
		}

	}

}
