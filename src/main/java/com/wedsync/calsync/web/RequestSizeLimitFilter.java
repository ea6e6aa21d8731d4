package com.wedsync.calsync.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an API request body larger than {@code calsync.api.max-request-size} (1 MB)
 * with a 413 problem before anything reads it. A chunked body without a length is cut off
 * at the same size by {@link ProblemResponses#boundedRequest}: reading past it fails, and
 * the request is answered 400 as unreadable.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	RequestSizeLimitFilter(@Value("${calsync.api.max-request-size:1MB}") DataSize maxSize) {
		this.maxBytes = maxSize.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			ProblemResponses.write(response, HttpStatus.CONTENT_TOO_LARGE, "Request too large", "The request body is "
					+ request.getContentLengthLong() + " bytes; at most " + this.maxBytes + " are accepted");
			return;
		}
		chain.doFilter(ProblemResponses.boundedRequest(request, this.maxBytes), response);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/");
	}

}
