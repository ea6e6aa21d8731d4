package com.wedsync.calsync.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The notifications an endpoint can receive, by their wire name. */
enum NotificationType {

	EVENT_CREATED("event.created"), EVENT_UPDATED("event.updated"), EVENT_DELETED("event.deleted"),
	CONFLICT_RECORDED("conflict.recorded"), INTEGRATION_AUTH_FAILED("integration.auth_failed");

	private final String wireName;

	NotificationType(String wireName) {
		this.wireName = wireName;
	}

	String wireName() {
		return this.wireName;
	}

	static Optional<NotificationType> of(String wireName) {
		return Arrays.stream(values()).filter((type) -> type.wireName.equals(wireName)).findFirst();
	}

}
