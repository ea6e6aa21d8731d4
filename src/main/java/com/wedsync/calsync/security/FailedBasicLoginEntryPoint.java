package com.wedsync.calsync.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.wedsync.calsync.security.LoginThrottle.Channel;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * HTTP Basic's entry point, which Spring Security calls only when presented Basic
 * credentials failed (wrong password, unknown user, unreadable header): counts the
 * failure for the {@link LoginThrottle}, then answers the usual 401.
 */
final class FailedBasicLoginEntryPoint implements AuthenticationEntryPoint {

	private final LoginThrottle throttle;

	private final AuthenticationEntryPoint delegate;

	FailedBasicLoginEntryPoint(LoginThrottle throttle, AuthenticationEntryPoint delegate) {
		this.throttle = throttle;
		this.delegate = delegate;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException, ServletException {
		this.throttle.failed(Channel.BASIC, request.getRemoteAddr(),
				LoginThrottleFilter.username(request.getHeader(HttpHeaders.AUTHORIZATION)));
		this.delegate.commence(request, response, authException);
	}

}
