package com.wedsync.calsync.realtime;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

/** Hands a status message to the STOMP clients connected to this node. */
@Component
class LocalSubscribers {

	private final SimpMessagingTemplate messaging;

	private final JsonMapper json;

	LocalSubscribers(SimpMessagingTemplate messaging, JsonMapper json) {
		this.messaging = messaging;
		this.json = json;
	}

	void deliver(SyncStatusMessage message) {
		deliver(message, this.json.writeValueAsString(message));
	}

	/** Delivers a message already in its JSON form, as it came over the wire. */
	void deliver(SyncStatusMessage message, String body) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
		headers.setLeaveMutable(true);
		this.messaging.send(SyncStatusTopics.of(message.integrationId()),
				MessageBuilder.createMessage(body.getBytes(StandardCharsets.UTF_8), headers.getMessageHeaders()));
	}

}
