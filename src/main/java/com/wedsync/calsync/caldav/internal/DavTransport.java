package com.wedsync.calsync.caldav.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.sardine.impl.SardineImpl;
import org.apache.http.Header;
import org.apache.http.HttpResponse;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.impl.client.HttpClientBuilder;

import com.wedsync.calsync.caldav.DavCredentials;
import com.wedsync.calsync.caldav.NoAnswerException;
import com.wedsync.calsync.caldav.OutboundUrlPolicy;
import com.wedsync.calsync.caldav.TransportException;
import com.wedsync.calsync.caldav.UnresolvableHostException;

/**
 * Sends one HTTP request and returns the whole answer, over sardine's HttpClient (pooled
 * keep-alive connections, timeouts, Basic auth). Every attempt is counted, whatever its
 * outcome. Each request goes through the {@link HostResilience} of its host, the only
 * place that retries; redirects are not followed here: discovery follows them itself.
 */
final class DavTransport extends SardineImpl {

	private final CalDavRequestMetrics metrics;

	private final long maxResponseBytes;

	private final String username;

	private final HostResilience resilience;

	private final OutboundUrlPolicy urlPolicy;

	private final Duration responseTimeout;

	private final ScheduledExecutorService deadlines;

	private final CredentialHosts credentialHosts;

	private final Set<String> preemptiveOrigins = new HashSet<>();

	DavTransport(HttpClientBuilder builder, DavCredentials credentials, CalDavRequestMetrics metrics,
			long maxResponseBytes, HostResilience resilience, OutboundUrlPolicy urlPolicy, Duration responseTimeout,
			ScheduledExecutorService deadlines, CredentialHosts credentialHosts) {
		super(builder, credentials.username(), credentials.password());
		this.credentialHosts = credentialHosts;
		this.metrics = metrics;
		this.maxResponseBytes = maxResponseBytes;
		this.username = credentials.username();
		this.resilience = resilience;
		this.urlPolicy = urlPolicy;
		this.responseTimeout = responseTimeout;
		this.deadlines = deadlines;
	}

	/**
	 * Sends the request, retrying as the host's policy says; returns the last answer.
	 * @throws TransportException when no attempt got an answer
	 * @throws com.wedsync.calsync.caldav.HostUnavailableException when the host's circuit
	 * is open
	 */
	DavResponse send(HttpRequestBase request) {
		URI url = request.getURI();
		// Every URL, typed by a user or named by a server (redirect, principal, home,
		// href), before any byte or credential goes out.
		checkUrl(url, "the request");
		sendCredentialsUpFront(url);
		return this.resilience.execute(url, this.username, () -> sendOnce(request));
	}

	private DavResponse sendOnce(HttpRequestBase request) {
		URI url = request.getURI();
		// A request object is sent again on retry; an earlier abort must not stick.
		request.reset();
		String statusClass = "io_error";
		long started = System.nanoTime();
		// The socket timeout bounds each read; this bounds the whole exchange.
		// The flag is set before the abort: the reading thread can fail on the closed
		// socket before the scheduled task returns.
		AtomicBoolean timedOut = new AtomicBoolean();
		ScheduledFuture<?> deadline = this.deadlines.schedule(() -> {
			timedOut.set(true);
			request.abort();
		}, this.responseTimeout.toMillis(), TimeUnit.MILLISECONDS);
		try {
			DavResponse response = execute(request, (http) -> readResponse(request, http));
			statusClass = CalDavRequestMetrics.statusClass(response.status());
			return response;
		}
		catch (IOException ex) {
			if (timedOut.get()) {
				throw new NoAnswerException(request.getMethod() + " failed: no complete answer within "
						+ this.responseTimeout + ": " + ex.getMessage(), url, ex);
			}
			String reason = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			if (ex instanceof SocketTimeoutException || ex instanceof ConnectTimeoutException) {
				throw new NoAnswerException(request.getMethod() + " failed: " + reason, url, ex);
			}
			throw new TransportException(request.getMethod() + " failed: " + reason, url, 0, ex);
		}
		finally {
			deadline.cancel(false);
			this.metrics.record(request.getMethod(), statusClass, url.getHost(),
					Duration.ofNanos(System.nanoTime() - started));
		}
	}

	/**
	 * Passes when a request to the URL may go out: the outbound URL policy allows it and
	 * its host may receive the account's credentials.
	 * @throws com.wedsync.calsync.caldav.ForbiddenUrlException naming the rule;
	 * {@code what} names the URL in the message
	 */
	void checkUrl(URI url, String what) {
		try {
			this.urlPolicy.check(url);
		}
		catch (UnresolvableHostException ex) {
			// Usually a transient DNS failure: the connect resolves again through the
			// policy (the pool's DNS resolver) and fails there as a transport error that
			// the host's policy retries, or connects to an address the policy allowed.
		}
		// Every request of a session carries the account's credentials (up front, or in
		// answer to a challenge): none goes to a host they were not given for.
		this.credentialHosts.check(url, what);
	}

	/**
	 * Basic auth on the first request to each origin, instead of a 401 round trip per
	 * connection: iCloud counts those requests too. The principal and home may live on
	 * different hosts, so origins are added as they are met.
	 */
	private synchronized void sendCredentialsUpFront(URI url) {
		String origin = Hrefs.key(url.resolve("/"));
		if (this.preemptiveOrigins.add(origin)) {
			try {
				enablePreemptiveAuthentication(url.toURL());
			}
			catch (MalformedURLException ex) {
				throw new TransportException("Not an HTTP URL", url, 0, ex);
			}
		}
	}

	private DavResponse readResponse(HttpRequestBase request, HttpResponse http) throws IOException {
		Map<String, String> headers = new HashMap<>();
		for (Header header : http.getAllHeaders()) {
			headers.putIfAbsent(header.getName(), header.getValue());
		}
		byte[] body = (http.getEntity() != null) ? readBounded(request, http.getEntity().getContent()) : new byte[0];
		return new DavResponse(request.getURI(), request.getMethod(), http.getStatusLine().getStatusCode(), headers,
				body);
	}

	private byte[] readBounded(HttpRequestBase request, InputStream in) throws IOException {
		try (in) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			long total = 0;
			for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
				total += n;
				if (total > this.maxResponseBytes) {
					// Abort rather than drain: the rest of an oversized body is not read.
					request.abort();
					throw new IOException("response body larger than " + this.maxResponseBytes + " bytes");
				}
				out.write(buffer, 0, n);
			}
			return out.toByteArray();
		}
	}

}
