package com.wedsync.calsync.caldav.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.http.client.config.CookieSpecs;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.springframework.util.Assert;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.CalDavClientFactory;
import com.wedsync.calsync.caldav.CalDavHosts;
import com.wedsync.calsync.caldav.CalDavProperties;
import com.wedsync.calsync.caldav.DavCredentials;
import com.wedsync.calsync.caldav.OutboundUrlPolicy;

/**
 * Opens sardine-backed sessions that share one keep-alive connection pool and one set of
 * per-host resilience policies (retry, circuit breaker, rate limits): every session to a
 * host sees that host's circuit. Basic auth is per request, so sessions of different
 * accounts can share connections.
 */
public final class SardineCalDavClientFactory implements CalDavClientFactory, CalDavHosts, AutoCloseable {

	private final CalDavSettings settings;

	private final CalDavRequestMetrics metrics;

	private final PoolingHttpClientConnectionManager pool;

	private final HostResilience resilience;

	private final ScheduledExecutorService deadlines;

	private final OutboundUrlPolicy urlPolicy;

	private final List<String> credentialHosts;

	/** A factory that sends each request once: no retries, no circuit, no rate limit. */
	public SardineCalDavClientFactory(CalDavSettings settings, MeterRegistry meterRegistry) {
		this(settings, ResilienceSettings.singleAttempt(), meterRegistry);
	}

	public SardineCalDavClientFactory(CalDavSettings settings, CalDavProperties.Resilience resilience,
			MeterRegistry meterRegistry) {
		this(settings, resilience, OutboundUrlPolicy.permissive(), meterRegistry);
	}

	/**
	 * A factory whose clients fetch only what the policy allows: each request URL is
	 * checked, and connections go only to the addresses the policy resolved and checked.
	 */
	public SardineCalDavClientFactory(CalDavSettings settings, CalDavProperties.Resilience resilience,
			OutboundUrlPolicy urlPolicy, MeterRegistry meterRegistry) {
		this(settings, resilience, urlPolicy, List.of(), meterRegistry);
	}

	/**
	 * A factory whose clients fetch only what the policy allows and send an account's
	 * credentials only to the server URL's host, its registrable domain and the given
	 * hosts (with their subdomains).
	 */
	public SardineCalDavClientFactory(CalDavSettings settings, CalDavProperties.Resilience resilience,
			OutboundUrlPolicy urlPolicy, List<String> credentialHosts, MeterRegistry meterRegistry) {
		Assert.notNull(urlPolicy, "urlPolicy must not be null");
		this.urlPolicy = urlPolicy;
		this.credentialHosts = (credentialHosts != null) ? List.copyOf(credentialHosts) : List.of();
		Assert.notNull(settings, "settings must not be null");
		Assert.notNull(resilience, "resilience must not be null");
		Assert.notNull(meterRegistry, "meterRegistry must not be null");
		this.settings = settings;
		this.metrics = new CalDavRequestMetrics(meterRegistry);
		this.resilience = new HostResilience(resilience, meterRegistry);
		this.deadlines = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "caldav-response-deadlines");
			thread.setDaemon(true);
			return thread;
		});
		this.pool = new PoolingHttpClientConnectionManager(RegistryBuilder.<ConnectionSocketFactory>create()
			.register("http", PlainConnectionSocketFactory.getSocketFactory())
			.register("https", SSLConnectionSocketFactory.getSocketFactory())
			.build(), urlPolicy::allowedAddresses);
		this.pool.setMaxTotal(64);
		// Few parallel requests per host: iCloud rate-limits per account and host.
		this.pool.setDefaultMaxPerRoute(4);
	}

	@Override
	public CalDavClient connect(URI serverUrl, DavCredentials credentials) {
		Assert.notNull(serverUrl, "serverUrl must not be null");
		Assert.notNull(credentials, "credentials must not be null");
		URI server = withoutUserInfo(serverUrl);
		int connectMillis = (int) this.settings.connectTimeout().toMillis();
		RequestConfig requests = RequestConfig.custom()
			.setConnectTimeout(connectMillis)
			.setConnectionRequestTimeout(connectMillis)
			.setSocketTimeout((int) this.settings.readTimeout().toMillis())
			.setCookieSpec(CookieSpecs.STANDARD)
			.build();
		HttpClientBuilder builder = HttpClients.custom()
			.setConnectionManager(this.pool)
			.setConnectionManagerShared(true)
			.setDefaultRequestConfig(requests)
			.disableRedirectHandling()
			.disableAutomaticRetries()
			// No Accept-Encoding: gzip. Front ends that compress rewrite ETags
			// ("v1--gzip" from Jetty, "-gzip" from Apache mod_deflate), and a rewritten
			// ETag breaks the If-Match of our next write.
			.disableContentCompression()
			.setUserAgent("calsync");
		DavTransport transport = new DavTransport(builder, credentials, this.metrics, this.settings.maxResponseBytes(),
				this.resilience, this.urlPolicy, this.settings.responseTimeout(), this.deadlines,
				new CredentialHosts(server, this.credentialHosts));
		return new SardineCalDavClient(server, transport, this.settings);
	}

	/** Credentials travel in {@link DavCredentials} only, never in a URL we might log. */
	private static URI withoutUserInfo(URI url) {
		Assert.isTrue(url.isAbsolute() && url.getHost() != null, () -> "Not an absolute URL: " + url.getHost());
		if (url.getRawUserInfo() == null) {
			return url;
		}
		try {
			return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("Unusable server URL", ex);
		}
	}

	@Override
	public Map<String, String> circuitStates() {
		return this.resilience.circuitStates();
	}

	HostResilience resilience() {
		return this.resilience;
	}

	@Override
	public void close() {
		this.deadlines.shutdownNow();
		this.pool.close();
	}

}
