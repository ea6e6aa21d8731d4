package com.wedsync.calsync.caldav.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.micrometer.tagged.CircuitBreakerMetricNames;
import io.github.resilience4j.micrometer.tagged.RateLimiterMetricNames;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetricsPublisher;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.util.Assert;

import com.wedsync.calsync.caldav.CalDavProperties;
import com.wedsync.calsync.caldav.HostUnavailableException;
import com.wedsync.calsync.caldav.NoAnswerException;
import com.wedsync.calsync.caldav.RateLimitedException;
import com.wedsync.calsync.caldav.TransportException;
import com.wedsync.calsync.observability.CalSyncMetrics;

/**
 * The one place where CalDAV requests are retried, broken and throttled. Per host (iCloud
 * partition hosts are separate hosts): a retry with jittered exponential backoff that
 * honours Retry-After, and a circuit breaker. Per host: a rate limiter; per account on a
 * host, a second one on the hosts that throttle per account (iCloud:
 * {@code account-limited-hosts}). Every attempt passes the circuit breaker, then the rate
 * limiters, then goes on the wire. Per host, too, a bulkhead: at most
 * {@code host-concurrent-requests} in flight from this node, so a host that accepts
 * connections and never answers holds that many threads, not every thread of the node; a
 * request that finds no room within {@code host-queue-wait} is not sent.
 * <p>
 * Retried: no answer at all ({@link TransportException}: resets, refused connections,
 * empty answers), 5xx, and 429. A timeout is not: a host silent for the whole read
 * timeout is not asked again within the same request, so a hung host fails a request in
 * one read timeout; its circuit counts the timeouts and the slow calls. Every other
 * status is returned at once, so a 412 or 404 reaches its caller after exactly one
 * request. When the attempts run out the last answer is returned and the caller maps its
 * status as usual.
 */
final class HostResilience {

	private static final double BACKOFF_MULTIPLIER = 2.0;

	private static final double BACKOFF_JITTER = 0.5;

	private final CalDavProperties.Resilience settings;

	private final Clock clock;

	private final CircuitBreakerRegistry circuitBreakers;

	private final RateLimiterRegistry hostRateLimiters;

	// Not published as metrics: account names are Apple IDs, and too many to tag by.
	private final RateLimiterRegistry accountRateLimiters;

	private final RetryConfig retryConfig;

	private final BulkheadRegistry bulkheads;

	private final Map<String, Retry> retries = new ConcurrentHashMap<>();

	private final MeterRegistry meters;

	HostResilience(CalDavProperties.Resilience settings, MeterRegistry meters) {
		this(settings, meters, Clock.systemUTC());
	}

	HostResilience(CalDavProperties.Resilience settings, MeterRegistry meters, Clock clock) {
		Assert.notNull(settings, "settings must not be null");
		Assert.isTrue(settings.maxAttempts() >= 1, "maxAttempts must be at least 1");
		Assert.isTrue(
				!settings.retryAfterMin().isNegative()
						&& settings.retryAfterMin().compareTo(settings.retryAfterMax()) <= 0,
				"retry-after range is empty");
		this.settings = settings;
		this.meters = meters;
		this.clock = clock;
		this.circuitBreakers = CircuitBreakerRegistry.of(circuitBreakerConfig(settings),
				new TaggedCircuitBreakerMetricsPublisher(circuitBreakerNames(), meters));
		this.hostRateLimiters = RateLimiterRegistry.of(
				rateLimiterConfig(settings.hostRequestsPerSecond(), settings.rateLimitWait()),
				new TaggedRateLimiterMetricsPublisher(rateLimiterNames(), meters));
		this.accountRateLimiters = RateLimiterRegistry
			.of(rateLimiterConfig(settings.accountRequestsPerSecond(), settings.rateLimitWait()));
		this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
			.maxConcurrentCalls(settings.hostConcurrentRequests())
			.maxWaitDuration(settings.hostQueueWait())
			.build());
		this.retryConfig = RetryConfig.<DavResponse>custom()
			.maxAttempts(settings.maxAttempts())
			.retryOnResult((response) -> isRetryable(response.status()))
			.retryOnException((ex) -> ex instanceof TransportException && !(ex instanceof NoAnswerException))
			.intervalBiFunction(this::waitBefore)
			.failAfterMaxAttempts(false)
			.build();
	}

	/**
	 * Sends through the policies of the URL's host; {@code call} makes one attempt.
	 * @throws HostUnavailableException when the host's circuit is open
	 */
	DavResponse execute(URI url, String username, Supplier<DavResponse> call) {
		String host = hostKey(url);
		CircuitBreaker circuit = this.circuitBreakers.circuitBreaker(host);
		RateLimiter hostLimit = this.hostRateLimiters.rateLimiter(host);
		// The bulkhead guards the time on the wire only, not the wait for a rate permit.
		Supplier<DavResponse> sent = Bulkhead.decorateSupplier(this.bulkheads.bulkhead(host), call);
		Supplier<DavResponse> limited = RateLimiter.decorateSupplier(hostLimit, isAccountLimited(url)
				? RateLimiter.decorateSupplier(this.accountRateLimiters.rateLimiter(username + "@" + host), sent)
				: sent);
		Supplier<DavResponse> attempt = CircuitBreaker.decorateSupplier(circuit, limited);
		Supplier<DavResponse> retried = Retry.decorateSupplier(retry(host), () -> failFastWhenOpen(url, host, attempt));
		try {
			return retried.get();
		}
		catch (RequestNotPermitted ex) {
			throw new RateLimitedException("No rate-limit permit within " + this.settings.rateLimitWait(), url, 0,
					null);
		}
	}

	/** Circuit state of every host seen so far, by host key. */
	Map<String, String> circuitStates() {
		Map<String, String> states = new TreeMap<>();
		this.circuitBreakers.getAllCircuitBreakers()
			.forEach((circuit) -> states.put(circuit.getName(), circuit.getState().name()));
		return states;
	}

	/** A host of {@code account-limited-hosts}, or a subdomain of one. */
	boolean isAccountLimited(URI url) {
		String host = (url.getHost() != null) ? url.getHost().toLowerCase(Locale.ROOT) : "";
		return this.settings.accountLimitedHosts()
			.stream()
			.map((limited) -> limited.toLowerCase(Locale.ROOT))
			.anyMatch((limited) -> host.equals(limited) || host.endsWith("." + limited));
	}

	CircuitBreaker.State state(URI url) {
		return this.circuitBreakers.circuitBreaker(hostKey(url)).getState();
	}

	private static DavResponse failFastWhenOpen(URI url, String host, Supplier<DavResponse> attempt) {
		try {
			return attempt.get();
		}
		catch (CallNotPermittedException ex) {
			throw new HostUnavailableException(host, url, ex);
		}
		catch (BulkheadFullException ex) {
			throw new HostUnavailableException(host, url, "no answer yet to the requests already in flight to it", ex);
		}
	}

	private Retry retry(String host) {
		return this.retries.computeIfAbsent(host, (name) -> {
			Retry retry = Retry.of(name, this.retryConfig);
			Counter retriesOfHost = Counter.builder(CalSyncMetrics.CALDAV_RETRIES)
				.description("CalDAV requests sent again after a failed attempt")
				.tag(CalSyncMetrics.TAG_HOST, name)
				.register(this.meters);
			retry.getEventPublisher().onRetry((event) -> retriesOfHost.increment());
			return retry;
		});
	}

	/**
	 * Retry-After when the answer has one (clamped), else jittered exponential backoff.
	 */
	private long waitBefore(int attempt, Either<Throwable, DavResponse> outcome) {
		if (outcome.isRight()) {
			Duration asked = DavStatusErrors.retryAfter(outcome.get().header("Retry-After"), this.clock);
			if (asked != null) {
				return clamp(asked, this.settings.retryAfterMin(), this.settings.retryAfterMax()).toMillis();
			}
		}
		return IntervalFunction
			.ofExponentialRandomBackoff(this.settings.baseBackoff(), BACKOFF_MULTIPLIER, BACKOFF_JITTER,
					this.settings.maxBackoff())
			.apply(attempt);
	}

	static boolean isRetryable(int status) {
		return status == 429 || status >= 500;
	}

	/** Host and port: partition hosts, and test servers on one machine, are apart. */
	static String hostKey(URI url) {
		String host = (url.getHost() != null) ? url.getHost().toLowerCase(Locale.ROOT) : "unknown";
		return (url.getPort() != -1) ? host + ":" + url.getPort() : host;
	}

	private static Duration clamp(Duration value, Duration min, Duration max) {
		return (value.compareTo(min) < 0) ? min : (value.compareTo(max) > 0) ? max : value;
	}

	private static CircuitBreakerConfig circuitBreakerConfig(CalDavProperties.Resilience settings) {
		return CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(settings.slidingWindowSize())
			.minimumNumberOfCalls(settings.minimumCalls())
			.failureRateThreshold(settings.failureRateThreshold())
			.waitDurationInOpenState(settings.openWait())
			.permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
			.recordException((ex) -> ex instanceof TransportException)
			.slowCallDurationThreshold(settings.slowCallThreshold())
			.slowCallRateThreshold(settings.failureRateThreshold())
			// a local throttle wait, or a full bulkhead, is no verdict on the host
			.ignoreException((ex) -> ex instanceof RequestNotPermitted || ex instanceof BulkheadFullException)
			.recordResult((result) -> result instanceof DavResponse response && isRetryable(response.status()))
			.build();
	}

	private static RateLimiterConfig rateLimiterConfig(double perSecond, Duration wait) {
		Assert.isTrue(perSecond > 0, "requests per second must be positive");
		// one permit per interval: requests are spread evenly, no burst at each second
		return RateLimiterConfig.custom()
			.limitForPeriod(1)
			.limitRefreshPeriod(Duration.ofNanos(Math.max(1, (long) (1_000_000_000L / perSecond))))
			.timeoutDuration(wait)
			.build();
	}

	private static CircuitBreakerMetricNames circuitBreakerNames() {
		return CircuitBreakerMetricNames.custom()
			.callsMetricName(CalSyncMetrics.CALDAV_CIRCUIT_CALLS)
			.notPermittedCallsMetricName(CalSyncMetrics.CALDAV_CIRCUIT_NOT_PERMITTED)
			.stateMetricName(CalSyncMetrics.CALDAV_CIRCUIT_STATE)
			.bufferedCallsMetricName(CalSyncMetrics.CALDAV_CIRCUIT_BUFFERED_CALLS)
			.slowCallsMetricName(CalSyncMetrics.CALDAV_CIRCUIT_SLOW_CALLS)
			.failureRateMetricName(CalSyncMetrics.CALDAV_CIRCUIT_FAILURE_RATE)
			.slowCallRateMetricName(CalSyncMetrics.CALDAV_CIRCUIT_SLOW_CALL_RATE)
			.build();
	}

	private static RateLimiterMetricNames rateLimiterNames() {
		return RateLimiterMetricNames.custom()
			.availablePermissionsMetricName(CalSyncMetrics.CALDAV_RATE_LIMIT_AVAILABLE)
			.waitingThreadsMetricName(CalSyncMetrics.CALDAV_RATE_LIMIT_WAITING)
			.build();
	}

}
