package com.wedsync.calsync.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.wedsync.calsync.security.LoginThrottle.Channel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle's windows, on a clock the test moves. */
class LoginThrottleTests {

	private static final Instant START = Instant.parse("2025-06-01T10:00:00Z");

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final LoginThrottle throttle = new LoginThrottle(20, 10, Duration.ofMinutes(1), 100, this.meters,
			Clock.fixed(START, ZoneOffset.UTC));

	@Test
	void shouldRefuseAUsernameFromItsTenthFailureUntilTheWindowThatOpenedWithTheFirstEnds() {
		at(START);
		this.throttle.failed(Channel.BASIC, "203.0.113.1", "admin");
		at(START.plusSeconds(30));
		for (int i = 2; i <= 9; i++) {
			this.throttle.failed(Channel.BASIC, "203.0.113." + i, "admin");
		}
		assertThat(this.throttle.refusal(Channel.BASIC, "203.0.113.99", "admin")).isEmpty();

		this.throttle.failed(Channel.BASIC, "203.0.113.10", "admin");

		// from any address, until a minute after the first failure
		assertThat(this.throttle.refusal(Channel.BASIC, "198.51.100.7", "admin")).contains(Duration.ofSeconds(30));
		assertThat(this.throttle.refusal(Channel.STOMP, "198.51.100.7", "admin")).isPresent();
		assertThat(this.throttle.refusal(Channel.BASIC, "198.51.100.7", "someone-else")).isEmpty();
		at(START.plusSeconds(59));
		assertThat(this.throttle.refusal(Channel.BASIC, "198.51.100.7", "admin")).contains(Duration.ofSeconds(1));
		at(START.plusSeconds(60));
		assertThat(this.throttle.refusal(Channel.BASIC, "198.51.100.7", "admin")).isEmpty();
		// a new window: one failure is not a refusal
		this.throttle.failed(Channel.BASIC, "198.51.100.7", "admin");
		assertThat(this.throttle.refusal(Channel.BASIC, "198.51.100.7", "admin")).isEmpty();
	}

	@Test
	void shouldRefuseAnAddressFromItsTwentiethFailureWhateverTheUsername() {
		at(START);
		for (int i = 1; i <= 19; i++) {
			this.throttle.failed(Channel.BASIC, "203.0.113.1", "guess-" + i);
		}
		assertThat(this.throttle.refusal(Channel.BASIC, "203.0.113.1", "admin")).isEmpty();

		this.throttle.failed(Channel.BEARER, "203.0.113.1", null);

		assertThat(this.throttle.refusal(Channel.BASIC, "203.0.113.1", "admin")).contains(Duration.ofMinutes(1));
		assertThat(this.throttle.refusal(Channel.BEARER, "203.0.113.1", null)).isPresent();
		assertThat(this.throttle.refusal(Channel.BASIC, "203.0.113.2", "admin")).isEmpty();
		assertThat(this.meters.get("calsync_auth_failures_total").tag("channel", "basic").counter().count())
			.isEqualTo(19);
		assertThat(this.meters.get("calsync_auth_failures_total").tag("channel", "bearer").counter().count())
			.isEqualTo(1);
		assertThat(this.meters.get("calsync_auth_throttled_total").tag("channel", "basic").counter().count())
			.isEqualTo(1);
		assertThat(this.meters.get("calsync_auth_throttled_total").tag("channel", "bearer").counter().count())
			.isEqualTo(1);
	}

	@Test
	void shouldNotLetRefusedAttemptsOrSuccessesMoveTheWindow() {
		at(START);
		for (int i = 0; i < 10; i++) {
			this.throttle.failed(Channel.BASIC, "203.0.113.1", "admin");
		}
		at(START.plusSeconds(50));
		for (int i = 0; i < 100; i++) {
			assertThat(this.throttle.refusal(Channel.BASIC, "203.0.113.1", "admin")).isPresent();
		}
		at(START.plusSeconds(60));
		assertThat(this.throttle.refusal(Channel.BASIC, "203.0.113.1", "admin")).isEmpty();
	}

	@Test
	void shouldStayBoundedAndKeepCountingKnownKeysWhenFloodedWithNewOnes() {
		at(START);
		for (int i = 0; i < 10; i++) {
			this.throttle.failed(Channel.BASIC, "203.0.113.1", "admin");
		}
		// 100 entries per kind: a flood of fresh usernames from fresh addresses
		for (int i = 0; i < 1000; i++) {
			this.throttle.failed(Channel.BASIC, "198.51.100." + i, "user-" + i);
		}
		assertThat(this.throttle.refusal(Channel.BASIC, "192.0.2.1", "admin")).isPresent();
		assertThat(this.throttle.refusal(Channel.BASIC, "203.0.113.1", "fresh")).isEmpty();
		// once the windows have ended they are swept and new keys are counted again
		at(START.plusSeconds(61));
		for (int i = 0; i < 10; i++) {
			this.throttle.failed(Channel.BASIC, "192.0.2.1", "other");
		}
		assertThat(this.throttle.refusal(Channel.BASIC, "192.0.2.2", "other")).isPresent();
	}

	private void at(Instant now) {
		this.throttle.useClock(Clock.fixed(now, ZoneOffset.UTC));
	}

}
