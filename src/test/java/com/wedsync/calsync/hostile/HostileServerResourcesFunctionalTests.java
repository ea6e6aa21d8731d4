package com.wedsync.calsync.hostile;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers under the 32 MB byte limit that would still cost the heap hundreds of megabytes
 * as a tree: millions of tiny elements, or more well-formed members than any calendar
 * holds. The sync fails naming the limit, the heap after a full collection is where it
 * was, and the API keeps answering while the answer is read.
 */
@ApplicationTest
class HostileServerResourcesFunctionalTests {

	private static final long HEAP_SLACK = 50L * 1024 * 1024;

	private static final Duration API_BOUND = Duration.ofSeconds(1);

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "empty-responses, more than 500000 XML elements", "href-responses, more than 500000 XML elements",
			"too-many-members, more than 50000" })
	@Timeout(180)
	void shouldFailTheSyncNamingTheLimitWithTheHeapFlatAndTheApiAnswering(String attack, String reason)
			throws InterruptedException {
		try (WireMockCalendar server = new WireMockCalendar(Map.of())) {
			String body = hostile(attack);
			assertThat(body.length()).isLessThan(32 * 1024 * 1024);
			server.answerPropfind(WireMockCalendar.CALENDAR, body);
			body = null;
			CalSyncApi api = new CalSyncApi(this.port);
			UUID integration = server.connect(api, "tenant-hostile-heap");
			long heapBefore = heapAfterFullCollection();

			AtomicLong slowestNanos = new AtomicLong();
			AtomicBoolean reading = new AtomicBoolean(true);
			Thread prober = new Thread(() -> {
				while (reading.get()) {
					long start = System.nanoTime();
					api.get("/api/integrations/" + integration).expect(200);
					slowestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
				}
			}, "api-prober");
			prober.start();
			JsonNode sync;
			try {
				sync = api.syncAndWait(integration);
			}
			finally {
				reading.set(false);
				prober.join();
			}
			long heapAfter = heapAfterFullCollection();

			assertThat(sync.get("status").asString()).isEqualTo("FAILED");
			assertThat(sync.toString()).contains(reason);
			System.out.printf("%s: heap %+d MB after a full collection, slowest API answer %d ms%n", attack,
					(heapAfter - heapBefore) / (1024 * 1024), slowestNanos.get() / 1_000_000);
			assertThat(heapAfter - heapBefore).isLessThan(HEAP_SLACK);
			assertThat(Duration.ofNanos(slowestNanos.get())).isLessThan(API_BOUND);
			assertThat(api.get("/actuator/health").expect(200).body().get("status").asString()).isEqualTo("UP");
		}
	}

	private static String hostile(String attack) {
		String open = "<d:multistatus xmlns:d=\"DAV:\">";
		return switch (attack) {
			// 2.3 million elements in 30 MB.
			case "empty-responses" -> open + "<d:response/>".repeat(2_300_000) + "</d:multistatus>";
			case "href-responses" ->
				open + "<d:response><d:href>/a</d:href></d:response>".repeat(700_000) + "</d:multistatus>";
			// Well-formed members, few enough elements, more than any calendar holds.
			case "too-many-members" -> {
				StringBuilder members = new StringBuilder(open);
				for (int i = 0; i < 60_000; i++) {
					members.append("<d:response><d:href>/home/wedding/")
						.append(i)
						.append(".ics</d:href><d:propstat><d:prop><d:getetag>\"e\"</d:getetag></d:prop>")
						.append("<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>");
				}
				yield members.append("</d:multistatus>").toString();
			}
			default -> throw new IllegalArgumentException(attack);
		};
	}

	private static long heapAfterFullCollection() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
