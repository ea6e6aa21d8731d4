package com.wedsync.calsync.caldav.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.apache.http.client.methods.HttpDelete;
import org.apache.http.client.methods.HttpPut;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;

import com.wedsync.calsync.caldav.PreconditionFailedException;
import com.wedsync.calsync.caldav.WriteCondition;

/** Conditional PUT and DELETE of calendar object resources (RFC 4791 section 5.3.2). */
final class ResourceWrites {

	private static final ContentType CALENDAR = ContentType.create("text/calendar", StandardCharsets.UTF_8);

	private final DavTransport transport;

	ResourceWrites(DavTransport transport) {
		this.transport = transport;
	}

	String put(URI href, String icalendar, WriteCondition condition) {
		if (condition instanceof WriteCondition.IfMatch ifMatch && ifMatch.etag() == null) {
			// a server that rewrote our last write (DAViCal adds SCHEDULE-STATUS) sent
			// no ETag: the copy is read again before it is overwritten
			throw new PreconditionFailedException(
					"No ETag is known for this copy (the server answered the last write without one)", href, 0);
		}
		HttpPut request = new HttpPut(href);
		if (condition instanceof WriteCondition.IfMatch ifMatch) {
			request.setHeader("If-Match", quoted(ifMatch.etag()));
		}
		else {
			request.setHeader("If-None-Match", "*");
		}
		request.setHeader("Content-Type", "text/calendar; charset=utf-8");
		request.setEntity(new ByteArrayEntity(icalendar.getBytes(StandardCharsets.UTF_8), CALENDAR));
		DavResponse response = this.transport.send(request);
		if (!response.isSuccess()) {
			throw DavStatusErrors.toException("PUT", response);
		}
		String etag = response.header("ETag");
		// A weak ETag cannot be used in If-Match; RFC 4791 section 5.3.4 also says a
		// server that altered the data should send none. Either way: re-read later.
		return (etag == null || etag.startsWith("W/")) ? null : etag;
	}

	void delete(URI href, String etag) {
		if (etag == null) {
			throw new PreconditionFailedException(
					"No ETag is known for this copy (the server answered the last write without one)", href, 0);
		}
		HttpDelete request = new HttpDelete(href);
		request.setHeader("If-Match", quoted(etag));
		DavResponse response = this.transport.send(request);
		// Already gone is what we wanted. Radicale answers 200 with a multistatus body.
		if (!response.isSuccess() && response.status() != 404 && response.status() != 410) {
			throw DavStatusErrors.toException("DELETE", response);
		}
	}

	/** ETags are kept as the server sent them; tolerate one stored without quotes. */
	static String quoted(String etag) {
		if (etag.startsWith("\"") || etag.startsWith("W/\"")) {
			return etag;
		}
		return "\"" + etag + "\"";
	}

}
