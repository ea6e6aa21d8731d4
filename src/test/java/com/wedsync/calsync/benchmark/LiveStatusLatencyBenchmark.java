package com.wedsync.calsync.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.wedsync.calsync.realtime.Latencies;
import com.wedsync.calsync.realtime.SecondNode;
import com.wedsync.calsync.realtime.SeededCalendars;
import com.wedsync.calsync.realtime.StompTestClient;
import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Latency of live sync status on loopback, from the listener publishing a message (its
 * {@code at}) to a STOMP client receiving it: one client on the node running the sync,
 * one on a second node (PostgreSQL LISTEN/NOTIFY in between). {@value #SYNCS} initial
 * imports of {@value #EVENTS} events, progress every 50 ms for more samples. Not part of
 * the test suite: {@code scripts/benchmark} runs it.
 */
@ApplicationTest
@TestPropertySource(properties = "calsync.realtime.progress-interval=50ms")
class LiveStatusLatencyBenchmark {

	static final int SYNCS = 3;

	static final int EVENTS = 200;

	@LocalServerPort
	int port;

	@Test
	void liveStatusLatency() throws Exception {
		CalDavTestServer radicale = CalDavTestServers.radicale();
		CalSyncApi api = new CalSyncApi(this.port);
		List<StompTestClient.Received> sameNode = new ArrayList<>();
		List<StompTestClient.Received> otherNode = new ArrayList<>();
		try (SecondNode second = SecondNode.start()) {
			for (int run = 0; run < SYNCS; run++) {
				radicale.removeAllCalendars();
				SeededCalendars.create(radicale, "latency-" + run, EVENTS);
				UUID integration = api.connect(radicale, "bench-" + run);
				String token = api.issueTenantToken("bench-" + run);
				String topic = "/topic/integrations/" + integration + "/sync-status";
				try (StompTestClient local = StompTestClient.connect(this.port, "Bearer " + token);
						StompTestClient remote = StompTestClient.connect(second.port(), "Bearer " + token)) {
					assertThat(local.subscribe(topic)).isTrue();
					assertThat(remote.subscribe(topic)).isTrue();
					api.post("/api/integrations/" + integration + "/syncs", Map.of("reason", "latency")).expect(202);
					sameNode.addAll(local.awaitSyncEnd(Duration.ofMinutes(3)));
					otherNode.addAll(remote.awaitSyncEnd(Duration.ofMinutes(3)));
				}
				api.delete("/api/integrations/" + integration).expect(204);
			}
		}
		System.out.printf("%n%s%n%s%n%n", Latencies.of(sameNode).describe("same node (publish → STOMP client)"),
				Latencies.of(otherNode).describe("other node (NOTIFY → LISTEN → STOMP client)"));
	}

}
