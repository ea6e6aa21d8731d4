package com.wedsync.calsync.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.wedsync.calsync.security.LoginThrottle.Channel;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <tenant token>} authenticates the request as that tenant.
 * An unknown or revoked token is a 401 at once, never a fall-through to anonymous, and a
 * failed login for the {@link LoginThrottle} (per address: a token names no user). Tokens
 * are 256 random bits, so guessing is hopeless; the throttle spares the database the
 * lookups of a client that keeps trying.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final TenantTokens tokens;

	private final ProblemDetailsAuthenticationEntryPoint entryPoint;

	private final LoginThrottle throttle;

	BearerTokenFilter(TenantTokens tokens, ProblemDetailsAuthenticationEntryPoint entryPoint, LoginThrottle throttle) {
		this.tokens = tokens;
		this.entryPoint = entryPoint;
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			chain.doFilter(request, response);
			return;
		}
		Optional<String> tenant = this.tokens.tenantOf(header.substring(BEARER.length()).trim());
		if (tenant.isEmpty()) {
			this.throttle.failed(Channel.BEARER, request.getRemoteAddr(), null);
			SecurityContextHolder.clearContext();
			this.entryPoint.commence(request, response, new BadCredentialsException("Unknown or revoked token"));
			return;
		}
		SecurityContextHolder.getContext().setAuthentication(new TenantAuthentication(tenant.get()));
		chain.doFilter(request, response);
	}

}
