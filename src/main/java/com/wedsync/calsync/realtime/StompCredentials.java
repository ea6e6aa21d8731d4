package com.wedsync.calsync.realtime;

import java.time.Duration;
import java.util.Optional;

import com.wedsync.calsync.security.BasicCredentials;
import com.wedsync.calsync.security.LoginThrottle;
import com.wedsync.calsync.security.LoginThrottle.Channel;
import com.wedsync.calsync.security.TenantTokens;

import org.springframework.messaging.MessageDeliveryException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks the {@code Authorization} header of a STOMP CONNECT frame the way the REST API
 * checks the HTTP one: {@code Bearer <tenant token>} or the admin's {@code Basic}
 * credentials, with the same {@link LoginThrottle} (shared with the API, so switching
 * between the two gains a guesser nothing).
 */
@Component
class StompCredentials {

	private static final String BEARER = "Bearer ";

	private final TenantTokens tokens;

	private final DaoAuthenticationProvider admin;

	private final LoginThrottle throttle;

	StompCredentials(TenantTokens tokens, UserDetailsService adminUsers, PasswordEncoder passwordEncoder,
			LoginThrottle throttle) {
		this.tokens = tokens;
		this.admin = new DaoAuthenticationProvider(adminUsers);
		this.admin.setPasswordEncoder(passwordEncoder);
		this.throttle = throttle;
	}

	/**
	 * The caller, or empty for wrong credentials (counted as a failed login).
	 * @throws MessageDeliveryException when the throttle refuses the attempt unchecked
	 */
	Optional<StompCaller> authenticate(String authorization, String address) {
		if (authorization == null) {
			return Optional.empty();
		}
		if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			refuseIfThrottled(address, null);
			Optional<StompCaller> caller = this.tokens.live(authorization.substring(BEARER.length()).trim())
				.map((token) -> StompCaller.tenant(token.tenantId(), token.id()));
			if (caller.isEmpty()) {
				this.throttle.failed(Channel.STOMP, address, null);
			}
			return caller;
		}
		if (BasicCredentials.isBasic(authorization)) {
			Optional<BasicCredentials> credentials = BasicCredentials.parse(authorization);
			String username = credentials.map(BasicCredentials::username).orElse(null);
			refuseIfThrottled(address, username);
			Optional<StompCaller> caller = credentials.flatMap(this::admin);
			if (caller.isEmpty()) {
				this.throttle.failed(Channel.STOMP, address, username);
			}
			return caller;
		}
		return Optional.empty();
	}

	private void refuseIfThrottled(String address, String username) {
		Optional<Duration> refusal = this.throttle.refusal(Channel.STOMP, address, username);
		if (refusal.isPresent()) {
			long seconds = Math.max(1, (refusal.get().toMillis() + 999) / 1000);
			throw new MessageDeliveryException(
					"Too many failed logins from this address or for this user; retry after " + seconds + " s");
		}
	}

	private Optional<StompCaller> admin(BasicCredentials credentials) {
		try {
			this.admin.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(credentials.username(),
					credentials.password()));
			return Optional.of(StompCaller.admin(credentials.username()));
		}
		catch (AuthenticationException ex) {
			return Optional.empty();
		}
	}

}
