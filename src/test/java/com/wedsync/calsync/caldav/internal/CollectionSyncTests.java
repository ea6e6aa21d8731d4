package com.wedsync.calsync.caldav.internal;

import java.net.URI;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.DavCredentials;
import com.wedsync.calsync.caldav.ForbiddenException;
import com.wedsync.calsync.caldav.InvalidSyncTokenException;
import com.wedsync.calsync.caldav.RateLimitedException;
import com.wedsync.calsync.caldav.RemoteResource;
import com.wedsync.calsync.caldav.ServerErrorException;
import com.wedsync.calsync.caldav.SyncDelta;
import com.wedsync.calsync.caldav.TransportException;
import com.wedsync.calsync.caldav.UnreadableAnswerException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.dav;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.multistatusAnswer;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.propResponse;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.statusResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** RFC 6578 sync-collection: request shape, truncation, and refused tokens. */
class CollectionSyncTests {

	private static final String PATH = "/1/calendars/wedding/";

	private final WireMockServer server = new WireMockServer(options().dynamicPort());

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final SardineCalDavClientFactory factory = new SardineCalDavClientFactory(CalDavSettings.defaults(),
			this.meters);

	private CalDavClient client;

	private URI calendar;

	@BeforeEach
	void start() {
		this.server.start();
		this.calendar = URI.create(this.server.baseUrl() + PATH);
		this.client = this.factory.connect(URI.create(this.server.baseUrl()), new DavCredentials("planner", "pw"));
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.factory.close();
		this.server.stop();
	}

	@Test
	void shouldSendDepthZeroSyncLevelOneAndTheStoredToken() {
		this.server.stubFor(dav("REPORT", PATH).willReturn(multistatusAnswer(syncAnswer("t2"))));
		this.client.syncCollection(this.calendar, "http://example.com/sync/t1");
		LoggedRequest request = this.server.findAll(WireMock.anyRequestedFor(WireMock.anyUrl())).get(0);
		assertThat(request.getMethod().getName()).isEqualTo("REPORT");
		assertThat(request.getHeader("Depth")).isEqualTo("0");
		assertThat(request.getHeader("Content-Type")).isEqualTo("application/xml; charset=UTF-8");
		assertThat(request.getBodyAsString()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<D:sync-collection xmlns:D=\"DAV:\">" + "<D:sync-token>http://example.com/sync/t1</D:sync-token>"
				+ "<D:sync-level>1</D:sync-level>" + "<D:prop><D:getetag/></D:prop>" + "</D:sync-collection>");
	}

	@Test
	void shouldFollowA507TruncationAndMergeBothAnswers() {
		// The token comes last, as Xandikos writes it.
		this.server.stubFor(dav("REPORT", PATH).withRequestBody(containing("<D:sync-token></D:sync-token>"))
			.willReturn(multistatusAnswer(
					syncAnswer("t1", member("a.ics", "ea"), member("b.ics", "eb"), statusResponse(PATH, 507)))));
		this.server.stubFor(dav("REPORT", PATH).withRequestBody(containing("<D:sync-token>t1</D:sync-token>"))
			.willReturn(multistatusAnswer(syncAnswer("t2", member("c.ics", "ec"), statusResponse(PATH + "b.ics", 404),
					propResponse(PATH + "sub/", "<d:resourcetype><d:collection/></d:resourcetype>")))));

		SyncDelta delta = this.client.syncCollection(this.calendar, null);

		assertThat(delta.changed()).containsExactly(resource("a.ics", "ea"), resource("c.ics", "ec"));
		assertThat(delta.deleted()).containsExactly(URI.create(this.server.baseUrl() + PATH + "b.ics"));
		assertThat(delta.syncToken()).isEqualTo("t2");
		assertThat(DavTestBodies.requests(this.meters)).isEqualTo(2.0);
	}

	@Test
	void shouldTreat403WithValidSyncTokenPreconditionAsInvalidToken() {
		this.server.stubFor(dav("REPORT", PATH).willReturn(aResponse().withStatus(403)
			.withBody("<?xml version=\"1.0\"?><D:error xmlns:D=\"DAV:\"><D:valid-sync-token/></D:error>")));
		assertThatExceptionOfType(InvalidSyncTokenException.class)
			.isThrownBy(() -> this.client.syncCollection(this.calendar, "stale"))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(403));
	}

	@Test
	void shouldTreat403WithoutThePreconditionAsForbidden() {
		this.server.stubFor(dav("REPORT", PATH).willReturn(aResponse().withStatus(403).withBody("no")));
		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> this.client.syncCollection(this.calendar, "stale"));
	}

	@Test
	void shouldTreatXandikosStyle500OnAStoredTokenAsInvalidToken() {
		this.server.stubFor(dav("REPORT", PATH).willReturn(aResponse().withStatus(500).withBody("Traceback ...")));
		assertThatExceptionOfType(InvalidSyncTokenException.class)
			.isThrownBy(() -> this.client.syncCollection(this.calendar, "deadbeef"))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(500));
		// Without a token there is nothing to invalidate: a plain server error.
		assertThatExceptionOfType(ServerErrorException.class)
			.isThrownBy(() -> this.client.syncCollection(this.calendar, null));
	}

	@Test
	void shouldTreat503OnAStoredTokenAsRateLimitingNotAsInvalidToken() {
		this.server
			.stubFor(dav("REPORT", PATH).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "30")));
		assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> this.client.syncCollection(this.calendar, "deadbeef"));
	}

	@Test
	void shouldRefuseASyncWhoseTruncatedAnswersListMoreThanTheCapAltogether() {
		// Each answer is under the per-answer cap; only the total over the rounds is not.
		int perAnswer = 40_000;
		String token = "";
		for (int round = 0; round < 3; round++) {
			String[] members = new String[perAnswer + 1];
			for (int i = 0; i < perAnswer; i++) {
				members[i] = member("r" + round + "-" + i + ".ics", "e");
			}
			members[perAnswer] = statusResponse(PATH, 507);
			this.server
				.stubFor(dav("REPORT", PATH).withRequestBody(containing("<D:sync-token>" + token + "</D:sync-token>"))
					.willReturn(multistatusAnswer(syncAnswer("t" + (round + 1), members))));
			token = "t" + (round + 1);
		}

		assertThatExceptionOfType(TransportException.class)
			.isThrownBy(() -> this.client.syncCollection(this.calendar, null))
			.withMessageContaining("more than " + CollectionSync.MAX_CHANGES_PER_SYNC)
			.withMessageContaining("in 3 answers");
		assertThat(DavTestBodies.requests(this.meters)).isEqualTo(3.0);
	}

	@Test
	void shouldRefuseOneAnswerListingMoreResponsesThanTheCap() {
		String[] members = new String[Multistatus.MAX_RESPONSES + 1];
		for (int i = 0; i < members.length; i++) {
			members[i] = member(i + ".ics", "e");
		}
		this.server.stubFor(dav("REPORT", PATH).willReturn(multistatusAnswer(syncAnswer("t1", members))));

		assertThatExceptionOfType(UnreadableAnswerException.class)
			.isThrownBy(() -> this.client.syncCollection(this.calendar, null))
			.withMessageContaining("more than " + Multistatus.MAX_RESPONSES);
	}

	private RemoteResource resource(String name, String etag) {
		return new RemoteResource(URI.create(this.server.baseUrl() + PATH + name), etag);
	}

	private static String member(String name, String etag) {
		return propResponse(PATH + name, "<d:getetag>" + etag + "</d:getetag>");
	}

	private static String syncAnswer(String token, String... responses) {
		return "<d:multistatus xmlns:d=\"DAV:\">" + String.join("", responses) + "<d:sync-token>" + token
				+ "</d:sync-token></d:multistatus>";
	}

}
