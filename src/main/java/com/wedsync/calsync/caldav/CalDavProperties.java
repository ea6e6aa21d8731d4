package com.wedsync.calsync.caldav;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * CalDAV client settings ({@code calsync.caldav.*}).
 *
 * @param multigetBatchSize hrefs per calendar-multiget REPORT
 * @param connectTimeout TCP connect timeout
 * @param readTimeout socket read timeout (longest silence between two reads); a request
 * that times out is not sent again, so a host that stops answering fails a request in
 * this time, not in attempts × this time
 * @param responseTimeout longest time for a whole request, from sending it to the last
 * byte of the answer; a server that trickles bytes is cut off here
 * @param maxResponseSize largest response body read; a bigger one fails the request
 * @param resilience retry, circuit breaker and rate limits around every request
 * @param credentialHosts hosts (and their subdomains) that may receive an account's
 * credentials besides the server URL's host and the hosts of its registrable domain: a
 * server whose redirect, principal or calendar home lives under another domain
 */
@ConfigurationProperties("calsync.caldav")
public record CalDavProperties(@DefaultValue("200") int multigetBatchSize, @DefaultValue("10s") Duration connectTimeout,
		@DefaultValue("20s") Duration readTimeout, @DefaultValue("120s") Duration responseTimeout,
		@DefaultValue("32MB") DataSize maxResponseSize, @DefaultValue Resilience resilience,
		@DefaultValue List<String> credentialHosts) {

	/**
	 * Resilience settings ({@code calsync.caldav.resilience.*}), applied per CalDAV host
	 * (and, for the rate limit, also per account on a host).
	 *
	 * @param maxAttempts attempts per request, the first included; 1 disables retries
	 * @param baseBackoff wait before the first retry; doubled per retry, with 50% jitter
	 * @param maxBackoff longest wait between two attempts without Retry-After
	 * @param retryAfterMin shortest wait when the server sent Retry-After
	 * @param retryAfterMax longest wait when the server sent Retry-After
	 * @param failureRateThreshold percentage of failed calls that opens a host's circuit
	 * @param minimumCalls calls in the window before the failure rate counts
	 * @param slidingWindowSize calls the failure rate is computed over
	 * @param openWait how long an open circuit refuses calls before letting a few through
	 * @param halfOpenCalls trial calls in the half-open state
	 * @param hostRequestsPerSecond requests per second to one host, all accounts together
	 * @param accountRequestsPerSecond requests per second of one account on one host, on
	 * the hosts of {@code accountLimitedHosts} only
	 * @param accountLimitedHosts hosts (and their subdomains) whose accounts are limited
	 * to {@code accountRequestsPerSecond}: iCloud throttles per Apple ID; other servers
	 * get the per-host limit only
	 * @param rateLimitWait longest a request waits for a rate-limit permit
	 * @param hostConcurrentRequests requests in flight to one host at once, from this
	 * node: a host that stops answering holds at most this many of the node's threads
	 * @param hostQueueWait longest a request waits for one of them; then it is not sent
	 * ({@link HostUnavailableException})
	 * @param slowCallThreshold an attempt slower than this counts as slow for the host's
	 * circuit, which opens when {@code failureRateThreshold} percent of the calls are
	 * slow
	 */
	public record Resilience(@DefaultValue("4") int maxAttempts, @DefaultValue("500ms") Duration baseBackoff,
			@DefaultValue("30s") Duration maxBackoff, @DefaultValue("1s") Duration retryAfterMin,
			@DefaultValue("60s") Duration retryAfterMax, @DefaultValue("50") float failureRateThreshold,
			@DefaultValue("10") int minimumCalls, @DefaultValue("20") int slidingWindowSize,
			@DefaultValue("60s") Duration openWait, @DefaultValue("3") int halfOpenCalls,
			@DefaultValue("20") double hostRequestsPerSecond, @DefaultValue("4") double accountRequestsPerSecond,
			@DefaultValue("120s") Duration rateLimitWait, @DefaultValue("icloud.com") List<String> accountLimitedHosts,
			@DefaultValue("3") int hostConcurrentRequests, @DefaultValue("2s") Duration hostQueueWait,
			@DefaultValue("10s") Duration slowCallThreshold) {

	}

}
