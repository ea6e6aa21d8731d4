package com.wedsync.calsync.realtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.wedsync.calsync.batch.SyncNodes;
import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two calsync nodes on one PostgreSQL database: a client connected to one node watches a
 * sync that runs on the other, relayed through LISTEN/NOTIFY.
 */
@ApplicationTest
class LiveStatusAcrossNodesIntegrationTests {

	static final int EVENTS = 120;

	@LocalServerPort
	int port;

	@Autowired
	SyncNodes nodes;

	@Autowired
	JdbcTemplate jdbc;

	SecondNode watchingNode;

	@BeforeEach
	void startSecondNode() {
		this.watchingNode = SecondNode.start();
	}

	@AfterEach
	void stopSecondNode() {
		this.watchingNode.close();
	}

	@Test
	void shouldShowAClientOnOneNodeASyncRunningOnAnother() throws Exception {
		CalDavTestServer radicale = CalDavTestServers.radicale();
		radicale.removeAllCalendars();
		SeededCalendars.create(radicale, "across", EVENTS);
		CalSyncApi syncingNode = new CalSyncApi(this.port);
		UUID integration = syncingNode.connect(radicale, "tenant-a");
		String token = syncingNode.issueTenantToken("tenant-a");

		List<StompTestClient.Received> received;
		try (StompTestClient client = StompTestClient.connect(this.watchingNode.port(), "Bearer " + token)) {
			assertThat(client.subscribe(SyncStatusTopics.of(integration))).isTrue();
			String syncId = syncingNode.withToken(token)
				.post("/api/integrations/" + integration + "/syncs", Map.of("reason", "watched elsewhere"))
				.expect(202)
				.body()
				.get("syncId")
				.asString();
			received = client.awaitSyncEnd(Duration.ofMinutes(2));

			String ranOn = this.jdbc.queryForObject("SELECT node_id FROM sync_run WHERE id = ?", String.class,
					UUID.fromString(syncId));
			assertThat(ranOn).isEqualTo(this.nodes.self()).isNotEqualTo(this.watchingNode.bean(SyncNodes.class).self());
		}
		assertThat(received.get(0).status()).isEqualTo("STARTED");
		assertThat(received).anySatisfy((message) -> assertThat(message.status()).isEqualTo("IN_PROGRESS"));
		StompTestClient.Received completed = received.get(received.size() - 1);
		assertThat(completed.status()).isEqualTo("COMPLETED");
		assertThat(completed.progress("created")).isEqualTo(EVENTS);
		assertThat(completed.progress("processed")).isEqualTo(2 * EVENTS);
		System.out.println(Latencies.of(received).describe("Live status, across nodes"));
	}

}
