package com.wedsync.calsync.caldav.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.namespace.QName;

import com.wedsync.calsync.caldav.UnreadableAnswerException;

/**
 * A {@code DAV:multistatus} body (RFC 4918 section 14.16), reduced to what the client
 * reads: per href its status and the properties the server found.
 *
 * @param responses one entry per href, hrefs resolved to absolute URLs
 * @param syncToken the RFC 6578 sync-token, wherever it appeared, or {@code null}
 */
record Multistatus(List<Entry> responses, String syncToken) {

	/**
	 * More hrefs than any calendar a person keeps; a server that truncates (RFC 6578
	 * section 3.6) sends far fewer per answer (iCloud: a few hundred).
	 */
	static final int MAX_RESPONSES = 50_000;

	/**
	 * One href of a {@code DAV:response}.
	 *
	 * @param href absolute URL
	 * @param status the response's own status, else 200 when any propstat succeeded, else
	 * the first propstat's status
	 * @param properties properties of 2xx propstats only: iCloud adds empty 404 propstats
	 * for properties it lacks, which say nothing
	 */
	record Entry(URI href, int status, Map<QName, XmlElement> properties) {

		XmlElement property(QName name) {
			return this.properties.get(name);
		}

		String text(QName name) {
			XmlElement property = property(name);
			if (property == null || property.trimmedText().isEmpty()) {
				return null;
			}
			return property.trimmedText();
		}

		boolean isCollection() {
			XmlElement type = property(DavNames.RESOURCETYPE);
			return type != null && type.child(DavNames.COLLECTION).isPresent();
		}

	}

	static Multistatus from(URI requestUrl, XmlElement root) {
		if (!root.is(DavNames.MULTISTATUS)) {
			throw new UnreadableAnswerException("Expected a DAV:multistatus body, got " + root.name(), requestUrl, 207);
		}
		List<XmlElement> responses = root.children(DavNames.RESPONSE);
		if (responses.size() > MAX_RESPONSES) {
			throw new UnreadableAnswerException(
					"Refused a multistatus with " + responses.size() + " responses, more than " + MAX_RESPONSES,
					requestUrl, 207);
		}
		List<Entry> entries = new ArrayList<>();
		for (XmlElement response : responses) {
			int ownStatus = statusCode(response.childText(DavNames.STATUS));
			Map<QName, XmlElement> properties = new HashMap<>();
			int firstPropstatStatus = 0;
			for (XmlElement propstat : response.children(DavNames.PROPSTAT)) {
				int status = statusCode(propstat.childText(DavNames.STATUS));
				firstPropstatStatus = (firstPropstatStatus != 0) ? firstPropstatStatus : status;
				if (status / 100 == 2) {
					propstat.child(DavNames.PROP)
						.ifPresent((prop) -> prop.children().forEach((p) -> properties.put(p.name(), p)));
				}
			}
			int status = (ownStatus != 0) ? ownStatus : (!properties.isEmpty() ? 200 : firstPropstatStatus);
			for (XmlElement href : response.children(DavNames.HREF)) {
				entries.add(new Entry(resolve(requestUrl, href.trimmedText()), status, Map.copyOf(properties)));
			}
		}
		String syncToken = root.childText(DavNames.SYNC_TOKEN);
		return new Multistatus(List.copyOf(entries), syncToken);
	}

	private static URI resolve(URI requestUrl, String href) {
		try {
			return Hrefs.resolve(requestUrl, href);
		}
		catch (IllegalArgumentException ex) {
			throw new UnreadableAnswerException("Unusable href in a multistatus: " + abbreviate(href), requestUrl, 207);
		}
	}

	private static String abbreviate(String text) {
		return (text.length() <= 200) ? text : text.substring(0, 200) + "...";
	}

	/** "HTTP/1.1 404 Not Found" → 404; 0 when absent or unreadable. */
	static int statusCode(String statusLine) {
		if (statusLine == null) {
			return 0;
		}
		String[] parts = statusLine.strip().split("\\s+");
		if (parts.length < 2) {
			return 0;
		}
		try {
			return Integer.parseInt(parts[1]);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
