package com.wedsync.calsync.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.wedsync.calsync.web.ProblemResponses;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits the endpoints a caller can use to make calsync call out: sync requests
 * ({@code POST /api/integrations/{id}/syncs}, per tenant, the admin counted as one
 * caller) and webhooks ({@code /api/webhooks/**}, per client address). A token bucket per
 * key; an empty bucket answers 429 with {@code Retry-After}. Runs after authentication,
 * so the tenant is known.
 */
@Component
class RequestRateLimitFilter extends OncePerRequestFilter {

	private static final int MAX_KEYS = 10_000;

	private final double perSecond;

	private final int burst;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	RequestRateLimitFilter(@Value("${calsync.api.rate-limit.requests-per-minute:60}") int perMinute,
			@Value("${calsync.api.rate-limit.burst:20}") int burst) {
		this.perSecond = perMinute / 60.0;
		this.burst = burst;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = key(request);
		if (this.buckets.size() > MAX_KEYS) {
			// Many distinct clients: start over rather than grow without bound.
			this.buckets.clear();
		}
		Duration wait = this.buckets.computeIfAbsent(key, (k) -> new Bucket(this.burst))
			.take(this.perSecond, this.burst);
		if (!wait.isZero()) {
			long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
			response.setHeader("Retry-After", Long.toString(seconds));
			ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
					"Rate limit reached for this endpoint; retry after " + seconds + " s");
			return;
		}
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || kind(request.getRequestURI()) == null;
	}

	private static String kind(String uri) {
		if (uri.startsWith("/api/webhooks/")) {
			return "webhook";
		}
		if (uri.startsWith("/api/integrations/") && uri.endsWith("/syncs")) {
			return "sync";
		}
		return null;
	}

	private static String key(HttpServletRequest request) {
		String kind = kind(request.getRequestURI());
		String caller = "webhook".equals(kind) ? request.getRemoteAddr()
				: TenantScope.current().map((tenant) -> "tenant:" + tenant).orElse("admin");
		return kind + "|" + caller;
	}

	/** Tokens refill continuously up to the burst size. */
	private static final class Bucket {

		private double tokens;

		private long refilledAt = System.nanoTime();

		Bucket(int burst) {
			this.tokens = burst;
		}

		/** Takes a token; zero on success, else how long until one is there. */
		synchronized Duration take(double perSecond, int burst) {
			long now = System.nanoTime();
			this.tokens = Math.min(burst, this.tokens + (now - this.refilledAt) / 1e9 * perSecond);
			this.refilledAt = now;
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return Duration.ZERO;
			}
			return Duration.ofMillis((long) Math.ceil((1 - this.tokens) / perSecond * 1000));
		}

	}

}
