package com.wedsync.calsync.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.wedsync.calsync.security.LoginThrottle.Channel;
import com.wedsync.calsync.web.ProblemResponses;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before the credentials are checked: a request whose address or Basic username the
 * {@link LoginThrottle} refuses gets a 429 problem with {@code Retry-After} and no
 * password check. The client address is the connection's ({@code getRemoteAddr()}); no
 * forwarding header is trusted, since calsync has no setting naming trusted proxies.
 * Requests without credentials pass untouched.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final LoginThrottle throttle;

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		Optional<Duration> refusal = Optional.empty();
		if (BasicCredentials.isBasic(header)) {
			refusal = this.throttle.refusal(Channel.BASIC, request.getRemoteAddr(), username(header));
		}
		else if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			refusal = this.throttle.refusal(Channel.BEARER, request.getRemoteAddr(), null);
		}
		if (refusal.isPresent()) {
			long seconds = retryAfterSeconds(refusal.get());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
					"Too many failed logins from this address or for this user; retry after " + seconds + " s");
			return;
		}
		chain.doFilter(request, response);
	}

	static String username(String header) {
		return BasicCredentials.parse(header).map(BasicCredentials::username).orElse(null);
	}

	/** Whole seconds, rounded up, at least one. */
	static long retryAfterSeconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

}
