package com.wedsync.calsync.caldav.internal;

import java.net.URI;
import java.util.List;

import javax.xml.namespace.QName;

import com.github.sardine.impl.methods.HttpPropFind;
import com.github.sardine.impl.methods.HttpReport;
import org.apache.http.client.methods.HttpEntityEnclosingRequestBase;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;

/**
 * The WebDAV requests the features share: PROPFIND and REPORT with an XML body, answered
 * by a multistatus. A non-207 answer becomes a typed exception.
 */
final class DavSession {

	private static final ContentType XML = ContentType.create("application/xml", "UTF-8");

	private final DavTransport transport;

	private final HardenedXmlReader xml;

	private final DiscoveredHosts hosts;

	DavSession(DavTransport transport, HardenedXmlReader xml, DiscoveredHosts hosts) {
		this.transport = transport;
		this.xml = xml;
		this.hosts = hosts;
	}

	/** Lets hrefs of later answers point at the URL's host: it was discovered. */
	void trust(URI discovered) {
		this.hosts.add(discovered);
	}

	/**
	 * Refuses a URL a server named (redirect, principal, calendar home) that the outbound
	 * policy refuses or whose host may not receive the account's credentials, before
	 * anything is sent there.
	 */
	void checkNamedUrl(URI url, String what) {
		this.transport.checkUrl(url, what);
	}

	/** PROPFIND with the given Depth; any non-2xx status throws. */
	Multistatus propfind(URI url, int depth, List<QName> properties) {
		DavResponse response = sendPropfind(url, depth, properties);
		if (!response.isSuccess()) {
			throw DavStatusErrors.toException("PROPFIND", response);
		}
		return multistatus(response);
	}

	/** PROPFIND returning the raw answer, for callers that handle redirects or 404s. */
	DavResponse sendPropfind(URI url, int depth, List<QName> properties) {
		HttpPropFind request = new HttpPropFind(url);
		request.setDepth(Integer.toString(depth));
		return send(request, DavRequestBodies.propfind(properties));
	}

	/** REPORT returning the raw answer; the caller decides what a failure means. */
	DavResponse sendReport(URI url, int depth, byte[] body) {
		HttpReport request = new HttpReport(url);
		request.setDepth(Integer.toString(depth));
		return send(request, body);
	}

	/**
	 * The answer's multistatus.
	 * @throws com.wedsync.calsync.caldav.ForbiddenUrlException when an href leaves the
	 * discovered hosts
	 */
	Multistatus multistatus(DavResponse response) {
		Multistatus answer = Multistatus.from(response.url(), this.xml.read(response.url(), response.body()));
		answer.responses().forEach((entry) -> this.hosts.check(response.url(), entry.href()));
		return answer;
	}

	XmlElement xml(DavResponse response) {
		return this.xml.read(response.url(), response.body());
	}

	/** GET returning the raw answer. */
	DavResponse get(URI url) {
		return this.transport.send(new HttpGet(url));
	}

	private DavResponse send(HttpEntityEnclosingRequestBase request, byte[] body) {
		// sardine's method classes preset text/xml; RFC 7303 prefers application/xml.
		request.setHeader("Content-Type", XML.toString());
		request.setEntity(new ByteArrayEntity(body, XML));
		return this.transport.send(request);
	}

}
