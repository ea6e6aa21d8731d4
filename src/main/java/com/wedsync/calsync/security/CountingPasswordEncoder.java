package com.wedsync.calsync.security;

import com.wedsync.calsync.observability.CalSyncMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The admin's password encoder, counting every hash check: a check is the CPU a login
 * attempt costs, and the count shows that attempts the {@link LoginThrottle} refuses cost
 * none.
 */
final class CountingPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;

	private final Counter checks;

	CountingPasswordEncoder(PasswordEncoder delegate, MeterRegistry meters) {
		this.delegate = delegate;
		this.checks = Counter.builder(CalSyncMetrics.AUTH_PASSWORD_CHECKS)
			.description("Password hash checks of login attempts")
			.register(meters);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		this.checks.increment();
		return this.delegate.matches(rawPassword, encodedPassword);
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	/** Checks made so far. */
	long checks() {
		return (long) this.checks.count();
	}

}
