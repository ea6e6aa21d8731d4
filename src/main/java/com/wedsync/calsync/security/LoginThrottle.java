package com.wedsync.calsync.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.wedsync.calsync.observability.CalSyncMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Brakes password guessing: failed logins are counted per client address and per username
 * in a fixed window that opens with a key's first failure. Once a key has {@code max}
 * failures in its window, every attempt on it is refused until that window ends, before
 * any password is checked, so a refused guess costs no bcrypt work; refused attempts are
 * not counted and do not extend the refusal. A successful login resets nothing: API
 * clients send the admin credentials with every request, so a reset on success would let
 * a guesser hide among them.
 * <p>
 * Kept in memory on each node, not cluster-wide: behind a load balancer with N nodes a
 * guesser gets up to N times the limits. The maps are bounded: when one is full, expired
 * windows are swept and, if it is still full, new keys are not counted (the ones already
 * counted, e.g. a throttled admin, are kept, so a flood of fresh usernames cannot flush
 * them out).
 */
@Component
public class LoginThrottle {

	/** Where a credential was presented; a tag of the auth metrics. */
	public enum Channel {

		/** HTTP Basic (the admin) on the REST API. */
		BASIC,
		/** A tenant bearer token on the REST API. */
		BEARER,
		/** A STOMP CONNECT frame on the live status WebSocket. */
		STOMP;

		String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private static final Log logger = LogFactory.getLog(LoginThrottle.class);

	private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

	private final Limit perAddress;

	private final Limit perUsername;

	private final Duration window;

	private final int maxEntries;

	private final Map<Channel, Counter> failures = new EnumMap<>(Channel.class);

	private final Map<Channel, Counter> throttled = new EnumMap<>(Channel.class);

	private volatile Clock clock;

	@Autowired
	LoginThrottle(@Value("${calsync.security.login-throttle.max-failures-per-address:20}") int perAddress,
			@Value("${calsync.security.login-throttle.max-failures-per-username:10}") int perUsername,
			@Value("${calsync.security.login-throttle.window:PT1M}") Duration window,
			@Value("${calsync.security.login-throttle.max-entries:10000}") int maxEntries, MeterRegistry meters) {
		this(perAddress, perUsername, window, maxEntries, meters, Clock.systemUTC());
	}

	LoginThrottle(int perAddress, int perUsername, Duration window, int maxEntries, MeterRegistry meters, Clock clock) {
		this.perAddress = new Limit(perAddress);
		this.perUsername = new Limit(perUsername);
		this.window = window;
		this.maxEntries = maxEntries;
		this.clock = clock;
		for (Channel channel : Channel.values()) {
			this.failures.put(channel,
					Counter.builder(CalSyncMetrics.AUTH_FAILURES)
						.description("Logins refused for wrong credentials, by channel")
						.tag(CalSyncMetrics.TAG_CHANNEL, channel.tag())
						.register(meters));
			this.throttled.put(channel,
					Counter.builder(CalSyncMetrics.AUTH_THROTTLED)
						.description("Login attempts refused unchecked by the login throttle, by channel")
						.tag(CalSyncMetrics.TAG_CHANNEL, channel.tag())
						.register(meters));
		}
	}

	/**
	 * How long until an attempt from this address for this username (null when the
	 * credential names none, as a bearer token) may be checked; empty when it may be now.
	 * A refusal is counted in the metrics.
	 */
	public Optional<Duration> refusal(Channel channel, String address, String username) {
		Instant now = this.clock.instant();
		Duration wait = longer(this.perAddress.refusal(address, now), this.perUsername.refusal(username, now));
		if (wait == null) {
			return Optional.empty();
		}
		this.throttled.get(channel).increment();
		return Optional.of(wait);
	}

	/** Counts a failed login: wrong password, unknown user or unknown token. */
	public void failed(Channel channel, String address, String username) {
		this.failures.get(channel).increment();
		Instant now = this.clock.instant();
		if (this.perAddress.fail(address, now)) {
			logger.warn("Login throttle: " + this.perAddress.max + " failed logins from " + printable(address)
					+ " within " + this.window + "; refusing logins from it until the window ends (last username "
					+ printable(username) + ", channel " + channel.tag() + ")");
		}
		if (this.perUsername.fail(username, now)) {
			logger.warn("Login throttle: " + this.perUsername.max + " failed logins for username " + printable(username)
					+ " within " + this.window + "; refusing logins for it until the window ends (last from "
					+ printable(address) + ", channel " + channel.tag() + ")");
		}
	}

	/** Forgets every count, as a restart would; the test suite calls it between tests. */
	public void clear() {
		this.perAddress.windows.clear();
		this.perUsername.windows.clear();
	}

	/** Tests move time through the HTTP boundary with this. */
	void useClock(Clock clock) {
		this.clock = clock;
	}

	private static Duration longer(Duration a, Duration b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.compareTo(b) >= 0) ? a : b;
	}

	/**
	 * Usernames come from the client: log them without control characters and short, so a
	 * crafted one cannot forge log lines.
	 */
	private static String printable(String value) {
		if (value == null) {
			return "-";
		}
		String clean = value.replaceAll("\\p{Cntrl}", "?");
		return "'" + (clean.length() > 64 ? clean.substring(0, 64) + "…" : clean) + "'";
	}

	/** One kind of key (address or username) with its own limit. */
	private final class Limit {

		private final int max;

		private final Map<String, Window> windows = new ConcurrentHashMap<>();

		private volatile Instant sweptAt = Instant.EPOCH;

		Limit(int max) {
			this.max = max;
		}

		/** How long the key stays refused; null when it is not. */
		Duration refusal(String key, Instant now) {
			if (key == null) {
				return null;
			}
			Window window = this.windows.get(key);
			return (window != null) ? window.refusal(this.max, now) : null;
		}

		/** Counts a failure; true when this one reached the limit (a refusal starts). */
		boolean fail(String key, Instant now) {
			if (key == null) {
				return false;
			}
			Window window = this.windows.get(key);
			if (window == null) {
				if (this.windows.size() >= LoginThrottle.this.maxEntries && !roomAfterSweep(now)) {
					return false;
				}
				window = this.windows.computeIfAbsent(key, (k) -> new Window());
			}
			return window.fail(this.max, now, LoginThrottle.this.window);
		}

		private boolean roomAfterSweep(Instant now) {
			// A full map of live windows would otherwise be swept on every failure.
			if (Duration.between(this.sweptAt, now).compareTo(SWEEP_INTERVAL) >= 0) {
				this.sweptAt = now;
				this.windows.values().removeIf((window) -> window.expired(now));
			}
			return this.windows.size() < LoginThrottle.this.maxEntries;
		}

	}

	/** Failures of one key since its window opened. */
	private static final class Window {

		private Instant endsAt = Instant.EPOCH;

		private int failures;

		synchronized Duration refusal(int max, Instant now) {
			if (this.failures < max || !now.isBefore(this.endsAt)) {
				return null;
			}
			return Duration.between(now, this.endsAt);
		}

		synchronized boolean fail(int max, Instant now, Duration length) {
			if (!now.isBefore(this.endsAt)) {
				this.endsAt = now.plus(length);
				this.failures = 0;
			}
			this.failures++;
			return this.failures == max;
		}

		synchronized boolean expired(Instant now) {
			return !now.isBefore(this.endsAt);
		}

	}

}
