package com.wedsync.calsync.hostile;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers under the 32 MB byte limit that would still cost the heap hundreds of megabytes
 * as a tree: millions of tiny elements, more well-formed members than any calendar holds,
 * or a sync-collection that answers 507 with new members and a new token forever. The
 * sync fails naming the limit, the heap after a full collection is where it was, and the
 * API keeps answering while the answers are read.
 */
@ApplicationTest
class HostileServerResourcesFunctionalTests {

	private static final String TENANT = "tenant-hostile-heap";

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "empty-responses, more than 500000 XML elements", "href-responses, more than 500000 XML elements",
			"too-many-members, more than 50000", "endless-507, more than 100000 changed or deleted resources" })
	@Timeout(180)
	void shouldFailTheSyncNamingTheLimitWithTheHeapFlatAndTheApiAnswering(String attack, String reason) {
		try (WireMockCalendar server = new WireMockCalendar(Map.of())) {
			arm(server, attack);
			CalSyncApi api = new CalSyncApi(this.port);
			UUID integration = server.connect(api, TENANT);

			UnderAttack.Outcome outcome = UnderAttack.sync(api, TENANT, integration);

			System.out.println(attack + ": " + outcome.figures());
			assertThat(outcome.sync().get("status").asString()).isEqualTo("FAILED");
			assertThat(outcome.sync().toString()).contains(reason);
			assertThat(outcome.heapGrowthBytes()).isLessThan(UnderAttack.HEAP_SLACK_BYTES);
			assertThat(outcome.slowestApiAnswer()).isLessThan(UnderAttack.API_BOUND);
			assertThat(api.get("/actuator/health").expect(200).body().get("status").asString()).isEqualTo("UP");
		}
	}

	private static void arm(WireMockCalendar server, String attack) {
		String open = "<d:multistatus xmlns:d=\"DAV:\">";
		switch (attack) {
			// 2.3 million elements in 30 MB.
			case "empty-responses" -> server.answerPropfind(WireMockCalendar.CALENDAR,
					open + "<d:response/>".repeat(2_300_000) + "</d:multistatus>");
			case "href-responses" -> server.answerPropfind(WireMockCalendar.CALENDAR,
					open + "<d:response><d:href>/a</d:href></d:response>".repeat(700_000) + "</d:multistatus>");
			// Well-formed members, few enough elements, more than any calendar holds.
			case "too-many-members" -> {
				StringBuilder members = new StringBuilder(open);
				for (int i = 0; i < 60_000; i++) {
					members.append("<d:response><d:href>/home/wedding/")
						.append(i)
						.append(".ics</d:href><d:propstat><d:prop><d:getetag>\"e\"</d:getetag></d:prop>")
						.append("<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>");
				}
				server.answerPropfind(WireMockCalendar.CALENDAR, members.append("</d:multistatus>").toString());
			}
			// Each answer under every per-answer cap; only the total over the rounds is
			// not.
			case "endless-507" -> server.answerSyncCollectionEndlessly(40_000);
			default -> throw new IllegalArgumentException(attack);
		}
	}

}
