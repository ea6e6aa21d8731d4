package com.wedsync.calsync.realtime;

import java.security.Principal;
import java.util.UUID;

import com.wedsync.calsync.integration.IntegrationRepository;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Authorises STOMP frames from clients. CONNECT needs valid credentials in its
 * {@code Authorization} header; SUBSCRIBE is allowed only to the status topic of an
 * integration of the caller's tenant (the admin: any integration); clients never SEND. A
 * refused frame gets an ERROR frame, which ends the session (STOMP 1.2). Another tenant's
 * integration is refused with the words an unknown one gets, so ids cannot be probed.
 * Sessions opened with a tenant token are recorded in {@link TokenSessions}, which ends
 * them when the token is revoked.
 */
@Component
class StompAccessControl implements ChannelInterceptor {

	private final StompCredentials credentials;

	private final IntegrationRepository integrations;

	private final TokenSessions sessions;

	StompAccessControl(StompCredentials credentials, IntegrationRepository integrations, TokenSessions sessions) {
		this.credentials = credentials;
		this.integrations = integrations;
		this.sessions = sessions;
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (accessor == null || accessor.getCommand() == null) {
			return message;
		}
		StompCommand command = accessor.getCommand();
		switch (command) {
			case CONNECT, STOMP -> accessor.setUser(authenticate(accessor));
			case SUBSCRIBE -> authorise(accessor.getUser(), accessor.getDestination());
			case SEND -> throw new MessageDeliveryException("Clients cannot send messages");
			default -> {
			}
		}
		return message;
	}

	private StompCaller authenticate(StompHeaderAccessor accessor) {
		String authorization = accessor.getFirstNativeHeader("Authorization");
		if (authorization == null) {
			authorization = accessor.getFirstNativeHeader("authorization");
		}
		StompCaller caller = this.credentials
			.authenticate(authorization, ClientAddressHandshake.of(accessor.getSessionAttributes()))
			.orElseThrow(StompAccessControl::credentialsRequired);
		if (caller.tokenId() != null && !this.sessions.opened(accessor.getSessionId(), caller.tokenId())) {
			// revoked between the check and the recording
			throw credentialsRequired();
		}
		return caller;
	}

	private static MessageDeliveryException credentialsRequired() {
		return new MessageDeliveryException(
				"Valid credentials are required: a tenant token (Bearer) or the admin (Basic)");
	}

	private void authorise(Principal user, String destination) {
		if (!(user instanceof StompCaller caller)) {
			throw new MessageDeliveryException("Not connected");
		}
		UUID integrationId = SyncStatusTopics.integrationOf(destination)
			.orElseThrow(() -> new MessageDeliveryException(
					"Unknown destination; subscribe to /topic/integrations/{id}/sync-status"));
		boolean allowed = this.integrations.find(integrationId)
			.map((integration) -> caller.mayWatch(integration.tenantId()))
			.orElse(false);
		if (!allowed) {
			throw new MessageDeliveryException("No integration " + integrationId);
		}
	}

}
