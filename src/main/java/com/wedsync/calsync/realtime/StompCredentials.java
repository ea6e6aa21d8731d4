package com.wedsync.calsync.realtime;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import com.wedsync.calsync.security.TenantTokens;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Checks the {@code Authorization} header of a STOMP CONNECT frame the way the REST API
 * checks the HTTP one: {@code Bearer <tenant token>} or the admin's {@code Basic}
 * credentials.
 */
@Component
class StompCredentials {

	private static final String BEARER = "Bearer ";

	private static final String BASIC = "Basic ";

	private final TenantTokens tokens;

	private final DaoAuthenticationProvider admin;

	StompCredentials(TenantTokens tokens, UserDetailsService adminUsers) {
		this.tokens = tokens;
		this.admin = new DaoAuthenticationProvider(adminUsers);
	}

	Optional<StompCaller> authenticate(String authorization) {
		if (authorization == null) {
			return Optional.empty();
		}
		if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return this.tokens.tenantOf(authorization.substring(BEARER.length()).trim()).map(StompCaller::tenant);
		}
		if (authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
			return basic(authorization.substring(BASIC.length()).trim());
		}
		return Optional.empty();
	}

	private Optional<StompCaller> basic(String encoded) {
		try {
			String[] credentials = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).split(":",
					2);
			if (credentials.length != 2) {
				return Optional.empty();
			}
			this.admin
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(credentials[0], credentials[1]));
			return Optional.of(StompCaller.admin(credentials[0]));
		}
		catch (IllegalArgumentException | AuthenticationException ex) {
			return Optional.empty();
		}
	}

}
