package com.wedsync.calsync.caldav.internal;

import javax.xml.namespace.QName;

/**
 * XML names used by the client, grouped by the specification that defines them. Every
 * name carries the prefix used when we write it.
 */
final class DavNames {

	static final String NS_DAV = "DAV:";

	static final String NS_CALDAV = "urn:ietf:params:xml:ns:caldav";

	static final String NS_CALENDARSERVER = "http://calendarserver.org/ns/";

	static final String NS_APPLE_ICAL = "http://apple.com/ns/ical/";

	// RFC 4918: WebDAV

	static final QName MULTISTATUS = dav("multistatus");

	static final QName RESPONSE = dav("response");

	static final QName HREF = dav("href");

	static final QName STATUS = dav("status");

	static final QName PROPSTAT = dav("propstat");

	static final QName PROP = dav("prop");

	static final QName PROPFIND = dav("propfind");

	static final QName RESOURCETYPE = dav("resourcetype");

	static final QName COLLECTION = dav("collection");

	static final QName DISPLAYNAME = dav("displayname");

	static final QName GETETAG = dav("getetag");

	static final QName ERROR = dav("error");

	// RFC 3253: versioning extensions (supported-report-set)

	static final QName SUPPORTED_REPORT_SET = dav("supported-report-set");

	// RFC 3744: access control (current-user-privilege-set, need-privileges)

	static final QName CURRENT_USER_PRIVILEGE_SET = dav("current-user-privilege-set");

	static final QName PRIVILEGE = dav("privilege");

	static final QName ALL = dav("all");

	static final QName WRITE = dav("write");

	static final QName WRITE_CONTENT = dav("write-content");

	static final QName BIND = dav("bind");

	static final QName NEED_PRIVILEGES = dav("need-privileges");

	// RFC 5397: current-user-principal

	static final QName CURRENT_USER_PRINCIPAL = dav("current-user-principal");

	// RFC 6578: collection synchronization

	static final QName SYNC_COLLECTION = dav("sync-collection");

	static final QName SYNC_TOKEN = dav("sync-token");

	static final QName SYNC_LEVEL = dav("sync-level");

	static final QName VALID_SYNC_TOKEN = dav("valid-sync-token");

	// RFC 4791: CalDAV

	static final QName CALENDAR = caldav("calendar");

	static final QName CALENDAR_HOME_SET = caldav("calendar-home-set");

	static final QName CALENDAR_DATA = caldav("calendar-data");

	static final QName CALENDAR_MULTIGET = caldav("calendar-multiget");

	static final QName SUPPORTED_CALENDAR_COMPONENT_SET = caldav("supported-calendar-component-set");

	static final QName COMP = caldav("comp");

	// calendarserver.org extensions (caldav-ctag-02)

	static final QName GETCTAG = new QName(NS_CALENDARSERVER, "getctag", "CS");

	// Apple iCal extensions

	static final QName CALENDAR_COLOR = new QName(NS_APPLE_ICAL, "calendar-color", "ICAL");

	private DavNames() {
	}

	private static QName dav(String localName) {
		return new QName(NS_DAV, localName, "D");
	}

	private static QName caldav(String localName) {
		return new QName(NS_CALDAV, localName, "C");
	}

}
