package com.wedsync.calsync.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import com.wedsync.calsync.support.CalSyncApi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A one-calendar CalDAV account on WireMock serving objects verbatim, for the ones a real
 * server refuses to hold, or any answer replaced by a hostile body: discovery on "/", a
 * calendar without sync-collection (so the sync lists members with a PROPFIND) and
 * calendar-multiget answering exactly the hrefs asked for.
 */
final class WireMockCalendar implements AutoCloseable {

	static final String CALENDAR = "/home/wedding/";

	private static final Pattern HREF = Pattern.compile("<(?:\\w+:)?href>([^<]+)</(?:\\w+:)?href>");

	private final Map<String, String> objects;

	private final WireMockServer server;

	private volatile int membersPerAnswer;

	WireMockCalendar(Map<String, String> objects) {
		this.objects = objects;
		this.server = new WireMockServer(options().dynamicPort()
			.bindAddress("127.0.0.1")
			// The journal would keep every answer served, hostile ones of 30 MB included.
			.disableRequestJournal()
			.extensions(new Multiget(), new EndlessSyncCollection()));
		this.server.start();
		this.server.stubFor(propfind("/.well-known/caldav").willReturn(aResponse().withStatus(404)));
		this.server.stubFor(propfind("/").willReturn(multistatus(
				response("/", "<d:current-user-principal><d:href>/principal/</d:href></d:current-user-principal>"))));
		this.server.stubFor(propfind("/principal/").willReturn(multistatus(
				response("/principal/", "<c:calendar-home-set><d:href>/home/</d:href></c:calendar-home-set>"))));
		this.server.stubFor(propfind("/home/").willReturn(multistatus(response(CALENDAR,
				"<d:resourcetype><d:collection/><c:calendar/></d:resourcetype><d:displayname>W</d:displayname>"))));
		StringBuilder members = new StringBuilder(
				response(CALENDAR, "<d:resourcetype><d:collection/></d:resourcetype>"));
		objects.forEach((name, ics) -> members.append(
				response(CALENDAR + name, "<d:getetag>\"" + Integer.toHexString(ics.hashCode()) + "\"</d:getetag>")));
		this.server.stubFor(propfind(CALENDAR).willReturn(multistatus(members.toString())));
		this.server.stubFor(WireMock.request("REPORT", WireMock.urlEqualTo(CALENDAR))
			.willReturn(aResponse().withTransformers("multiget")));
	}

	/**
	 * From now on the calendar supports sync-collection, and every sync-collection answer
	 * is truncated (507) after this many new members, with a new token: a server that
	 * never stops listing.
	 */
	void answerSyncCollectionEndlessly(int membersPerAnswer) {
		this.membersPerAnswer = membersPerAnswer;
		this.server.stubFor(propfind("/home/").willReturn(multistatus(response(CALENDAR,
				"<d:resourcetype><d:collection/><c:calendar/></d:resourcetype><d:displayname>W</d:displayname>"
						+ "<d:supported-report-set><d:supported-report><d:report><d:sync-collection/></d:report>"
						+ "</d:supported-report></d:supported-report-set>"))));
		this.server.stubFor(WireMock.request("REPORT", WireMock.urlEqualTo(CALENDAR))
			.withRequestBody(WireMock.containing("sync-collection"))
			.atPriority(1)
			.willReturn(aResponse().withTransformers("endless-sync-collection")));
	}

	/** From now on answers PROPFIND on the path with this body and a 207 status. */
	void answerPropfind(String path, String body) {
		this.server.stubFor(propfind(path).willReturn(answer207(body)));
	}

	/** Connects an integration of the tenant to this account; returns its id. */
	UUID connect(CalSyncApi api, String tenantId) {
		return UUID.fromString(api
			.post("/api/integrations", Map.of("tenantId", tenantId, "provider", "CALDAV", "serverUrl", baseUrl(),
					"username", "planner", "password", "app-password"))
			.expect(201)
			.body()
			.get("id")
			.asString());
	}

	String baseUrl() {
		return this.server.baseUrl();
	}

	@Override
	public void close() {
		this.server.stop();
	}

	private static com.github.tomakehurst.wiremock.client.MappingBuilder propfind(String path) {
		return WireMock.request("PROPFIND", WireMock.urlEqualTo(path));
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder multistatus(String responses) {
		return answer207("<d:multistatus xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">" + responses
				+ "</d:multistatus>");
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer207(String body) {
		return aResponse().withStatus(207).withHeader("Content-Type", "application/xml; charset=utf-8").withBody(body);
	}

	private static String response(String href, String props) {
		return "<d:response><d:href>" + href + "</d:href><d:propstat><d:prop>" + props
				+ "</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>";
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/** Each answer lists new members and a new token, and says 507: there is more. */
	private final class EndlessSyncCollection implements ResponseDefinitionTransformerV2 {

		private static final Pattern TOKEN = Pattern.compile("<(?:\\w+:)?sync-token>t?(\\d*)</(?:\\w+:)?sync-token>");

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			Matcher token = TOKEN.matcher(serveEvent.getRequest().getBodyAsString());
			int round = (token.find() && !token.group(1).isEmpty()) ? Integer.parseInt(token.group(1)) : 0;
			StringBuilder members = new StringBuilder();
			for (int i = 0; i < WireMockCalendar.this.membersPerAnswer; i++) {
				members.append(response(CALENDAR + "r" + round + "-" + i + ".ics", "<d:getetag>\"e\"</d:getetag>"));
			}
			members.append("<d:response><d:href>")
				.append(CALENDAR)
				.append("</d:href><d:status>HTTP/1.1 507 Insufficient Storage</d:status></d:response>")
				.append("<d:sync-token>t")
				.append(round + 1)
				.append("</d:sync-token>");
			return multistatus(members.toString()).build();
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		@Override
		public String getName() {
			return "endless-sync-collection";
		}

	}

	/** Answers a calendar-multiget with the objects of the hrefs in its body. */
	private final class Multiget implements ResponseDefinitionTransformerV2 {

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			List<String> answers = new ArrayList<>();
			Matcher href = HREF.matcher(serveEvent.getRequest().getBodyAsString());
			while (href.find()) {
				String name = href.group(1).replaceAll(".*/", "");
				String ics = WireMockCalendar.this.objects.get(name);
				answers.add((ics == null)
						? "<d:response><d:href>" + href.group(1)
								+ "</d:href><d:status>HTTP/1.1 404 X</d:status></d:response>"
						: response(href.group(1), "<d:getetag>\"" + Integer.toHexString(ics.hashCode())
								+ "\"</d:getetag><c:calendar-data>" + escape(ics) + "</c:calendar-data>"));
			}
			return multistatus(String.join("", answers)).build();
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		@Override
		public String getName() {
			return "multiget";
		}

	}

}
