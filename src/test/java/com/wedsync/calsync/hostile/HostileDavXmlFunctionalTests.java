package com.wedsync.calsync.hostile;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CalDAV server answering with hostile XML, during discovery (the principal lookup) or
 * during the sync itself (the calendar's member listing): external entities, entity
 * expansion, a body over the 32 MB response limit, deep nesting, DAV elements in another
 * namespace, a body that is not XML. The sync fails with a reason that names the problem,
 * no file content leaks into any answer, and the service stays up: the heap after a full
 * collection back where it was, the API answering within a second throughout.
 */
@ApplicationTest
class HostileDavXmlFunctionalTests {

	private static final String MULTISTATUS = "<d:multistatus xmlns:d=\"DAV:\">%s</d:multistatus>";

	private static final String TENANT = "tenant-hostile-xml";

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0} during {1}")
	@CsvSource({ "xxe, discovery, DOCTYPE", "xxe, sync, DOCTYPE", "billion-laughs, discovery, DOCTYPE",
			"billion-laughs, sync, DOCTYPE", "oversized, discovery, larger than", "oversized, sync, larger than",
			"deep, discovery, deeper than", "deep, sync, deeper than", "wrong-namespace, discovery, DAV:multistatus",
			"wrong-namespace, sync, DAV:multistatus", "not-xml, discovery, Malformed XML",
			"not-xml, sync, Malformed XML" })
	void shouldFailTheSyncWithAClearReasonAndLeakNothing(String body, String where, String reason) {
		try (WireMockCalendar server = new WireMockCalendar(Map.of())) {
			server.answerPropfind(where.equals("discovery") ? "/" : WireMockCalendar.CALENDAR, hostile(body));
			CalSyncApi api = new CalSyncApi(this.port);
			UUID integration = server.connect(api, TENANT);

			UnderAttack.Outcome outcome = UnderAttack.sync(api, TENANT, integration);
			JsonNode sync = outcome.sync();

			System.out.println(body + " during " + where + ": " + outcome.figures());
			assertThat(outcome.heapGrowthBytes()).isLessThan(UnderAttack.HEAP_SLACK_BYTES);
			assertThat(outcome.slowestApiAnswer()).isLessThan(UnderAttack.API_BOUND);
			assertThat(sync.get("status").asString()).isEqualTo("FAILED");
			assertThat(sync.toString()).contains(reason).doesNotContain("root:x:0:0").doesNotContain("lollol");
			assertThat(sync.get("steps").get(0).get("name").asString()).isEqualTo("discoverCalendars");
			assertThat(sync.get("steps").get(0).get("status").asString())
				.isEqualTo(where.equals("discovery") ? "FAILED" : "COMPLETED");
			assertThat(api.get("/api/integrations/" + integration).expect(200).text()).doesNotContain("root:x:0:0");
			assertThat(api.get("/actuator/health").expect(200).body().get("status").asString()).isEqualTo("UP");
		}
	}

	private static String hostile(String kind) {
		return switch (kind) {
			case "xxe" ->
				"<?xml version=\"1.0\"?><!DOCTYPE d:multistatus [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
						+ MULTISTATUS.formatted("<d:response><d:href>/&xxe;</d:href></d:response>");
			case "billion-laughs" -> billionLaughs();
			case "oversized" ->
				MULTISTATUS.formatted("<d:response><d:href>/x</d:href></d:response>".repeat(33 * 1024 * 1024 / 40));
			case "deep" -> MULTISTATUS.formatted("<d:response>".repeat(100) + "</d:response>".repeat(100));
			case "wrong-namespace" -> MULTISTATUS.replace("DAV:", "urn:not-dav")
				.formatted("<d:response><d:href>/</d:href><d:propstat><d:prop><d:current-user-principal>"
						+ "<d:href>/principal/</d:href></d:current-user-principal></d:prop>"
						+ "<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>");
			case "not-xml" -> "HTTP/1.1 200 OK\r\n\r\n<html><body>It works!</body>";
			default -> throw new IllegalArgumentException(kind);
		};
	}

	private static String billionLaughs() {
		StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE d:multistatus [<!ENTITY lol0 \"lol\">");
		for (int i = 1; i < 10; i++) {
			doc.append("<!ENTITY lol")
				.append(i)
				.append(" \"")
				.append(("&lol" + (i - 1) + ";").repeat(10))
				.append("\">");
		}
		return doc.append("]>")
			.append(MULTISTATUS.formatted("<d:response><d:href>/&lol9;</d:href></d:response>"))
			.toString();
	}

}
