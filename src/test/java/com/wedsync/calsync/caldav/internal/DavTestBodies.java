package com.wedsync.calsync.caldav.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.wedsync.calsync.observability.CalSyncMetrics;

/** Server answers as CalDAV servers write them, for WireMock stubs. */
final class DavTestBodies {

	private DavTestBodies() {
	}

	static String multistatus(String... responses) {
		return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
				+ "<d:multistatus xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\""
				+ " xmlns:cs=\"http://calendarserver.org/ns/\">" + String.join("", responses) + "</d:multistatus>";
	}

	static String statusResponse(String href, int status) {
		return "<d:response><d:href>" + href + "</d:href><d:status>HTTP/1.1 " + status + " X</d:status></d:response>";
	}

	static String propResponse(String href, String... props) {
		return "<d:response><d:href>" + href + "</d:href><d:propstat><d:prop>"
				+ Arrays.stream(props).collect(Collectors.joining())
				+ "</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>";
	}

	static MappingBuilder dav(String method, String path) {
		return WireMock.request(method, WireMock.urlEqualTo(path));
	}

	static ResponseDefinitionBuilder multistatusAnswer(String body) {
		return WireMock.aResponse()
			.withStatus(207)
			.withHeader("Content-Type", "application/xml; charset=utf-8")
			.withBody(body);
	}

	static double requests(MeterRegistry registry) {
		return registry.find(CalSyncMetrics.CALDAV_REQUESTS).counters().stream().mapToDouble(Counter::count).sum();
	}

}
