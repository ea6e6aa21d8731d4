package com.wedsync.calsync.realtime;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyncStatusTopicsTests {

	@Test
	void shouldReadTheIntegrationBackFromItsTopic() {
		UUID integration = UUID.randomUUID();
		assertThat(SyncStatusTopics.integrationOf(SyncStatusTopics.of(integration))).contains(integration);
	}

	@Test
	void shouldRecogniseNoOtherDestination() {
		UUID integration = UUID.randomUUID();
		assertThat(SyncStatusTopics.integrationOf("/topic/integrations/" + integration + "/sync-status/extra"))
			.isEmpty();
		assertThat(SyncStatusTopics.integrationOf("/topic/integrations/*/sync-status")).isEmpty();
		assertThat(SyncStatusTopics.integrationOf("/topic/integrations/not-a-uuid/sync-status")).isEmpty();
		assertThat(SyncStatusTopics.integrationOf("/topic/**")).isEmpty();
		assertThat(SyncStatusTopics.integrationOf(null)).isEmpty();
	}

}
