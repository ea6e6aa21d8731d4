package com.wedsync.calsync.realtime;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The STOMP destinations of live sync status: one topic per integration. */
final class SyncStatusTopics {

	private static final Pattern TOPIC = Pattern.compile(
			"/topic/integrations/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/sync-status");

	private SyncStatusTopics() {
	}

	static String of(UUID integrationId) {
		return "/topic/integrations/" + integrationId + "/sync-status";
	}

	/** The integration a destination is the status topic of; empty for anything else. */
	static Optional<UUID> integrationOf(String destination) {
		if (destination == null) {
			return Optional.empty();
		}
		Matcher matcher = TOPIC.matcher(destination);
		return matcher.matches() ? Optional.of(UUID.fromString(matcher.group(1))) : Optional.empty();
	}

}
