package com.wedsync.calsync.realtime;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.wedsync.calsync.security.TenantTokens;
import com.wedsync.calsync.security.TenantTokens.TokenRevoked;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * The STOMP sessions of this node opened with a tenant token, so that revoking the token
 * ends them: an ERROR frame ("Token revoked") goes out through the client outbound
 * channel, and Spring's STOMP handler closes the WebSocket after any ERROR frame. A
 * revocation made on this node ends them at once ({@link TokenRevoked}); one made on
 * another node of a cluster is found by rechecking this node's tokens every
 * {@code calsync.realtime.token-recheck-interval} (30 s by default).
 */
@Component
class TokenSessions implements DisposableBean {

	private static final Log logger = LogFactory.getLog(TokenSessions.class);

	private final Map<String, UUID> tokenBySession = new ConcurrentHashMap<>();

	private final TenantTokens tokens;

	private final MessageChannel clientOutbound;

	private final ScheduledExecutorService recheck;

	// Lazy: the outbound channel is built by the WebSocket configuration, which needs
	// StompAccessControl, which needs this.
	TokenSessions(TenantTokens tokens, @Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutbound,
			@Value("${calsync.realtime.token-recheck-interval:30s}") Duration recheckInterval) {
		this.tokens = tokens;
		this.clientOutbound = clientOutbound;
		this.recheck = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "stomp-token-recheck");
			thread.setDaemon(true);
			return thread;
		});
		this.recheck.scheduleWithFixedDelay(this::closeRevokedSafely, recheckInterval.toMillis(),
				recheckInterval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Records a session authenticated by a token; false (and not recorded) when the token
	 * is no longer live. Checking after recording closes the race with a revocation: it
	 * either sees this session or was committed before the check here.
	 */
	boolean opened(String sessionId, UUID tokenId) {
		this.tokenBySession.put(sessionId, tokenId);
		if (!this.tokens.isLive(tokenId)) {
			this.tokenBySession.remove(sessionId);
			return false;
		}
		return true;
	}

	@EventListener
	void on(SessionDisconnectEvent disconnected) {
		this.tokenBySession.remove(disconnected.getSessionId());
	}

	@EventListener
	void on(TokenRevoked revoked) {
		closeSessionsOf(Set.of(revoked.id()));
	}

	int openSessions() {
		return this.tokenBySession.size();
	}

	private void closeRevokedSafely() {
		try {
			Set<UUID> revoked = this.tokenBySession.values()
				.stream()
				.distinct()
				.filter((id) -> !this.tokens.isLive(id))
				.collect(Collectors.toSet());
			closeSessionsOf(revoked);
		}
		catch (RuntimeException ex) {
			// the database away for a moment: the next round tries again
			logger.warn("Could not recheck the tokens of live status sessions: " + ex.getMessage());
		}
	}

	private void closeSessionsOf(Set<UUID> revoked) {
		if (revoked.isEmpty()) {
			return;
		}
		this.tokenBySession.forEach((sessionId, tokenId) -> {
			if (revoked.contains(tokenId) && this.tokenBySession.remove(sessionId, tokenId)) {
				StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
				error.setSessionId(sessionId);
				error.setMessage("Token revoked");
				this.clientOutbound.send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
			}
		});
	}

	@Override
	public void destroy() {
		this.recheck.shutdownNow();
	}

}
