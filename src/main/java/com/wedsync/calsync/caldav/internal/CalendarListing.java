package com.wedsync.calsync.caldav.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.xml.namespace.QName;

import com.wedsync.calsync.caldav.ChangeMarkers;
import com.wedsync.calsync.caldav.RemoteCalendar;
import com.wedsync.calsync.caldav.RemoteResource;
import com.wedsync.calsync.caldav.WriteAccess;

/** The two PROPFIND Depth 1 listings: calendars of a home, resources of a calendar. */
final class CalendarListing {

	private final DavSession session;

	CalendarListing(DavSession session) {
		this.session = session;
	}

	List<RemoteCalendar> calendars(URI home, ChangeMarkers markers) {
		List<QName> properties = new ArrayList<>(
				List.of(DavNames.RESOURCETYPE, DavNames.DISPLAYNAME, DavNames.CALENDAR_COLOR, DavNames.GETCTAG));
		if (markers == ChangeMarkers.CTAG_AND_SYNC_TOKEN) {
			properties.add(DavNames.SYNC_TOKEN);
		}
		properties.add(DavNames.SUPPORTED_CALENDAR_COMPONENT_SET);
		properties.add(DavNames.SUPPORTED_REPORT_SET);
		properties.add(DavNames.CURRENT_USER_PRIVILEGE_SET);
		Multistatus answer = this.session.propfind(home, 1, properties);
		return answer.responses()
			.stream()
			.filter((entry) -> entry.status() / 100 == 2)
			.filter(CalendarListing::isCalendar)
			.map(CalendarListing::toCalendar)
			.toList();
	}

	List<RemoteResource> resources(URI calendar) {
		Multistatus answer = this.session.propfind(calendar, 1, List.of(DavNames.RESOURCETYPE, DavNames.GETETAG));
		return answer.responses()
			.stream()
			.filter((entry) -> entry.status() / 100 == 2)
			.filter((entry) -> !Hrefs.same(entry.href(), calendar))
			.filter((entry) -> !entry.isCollection())
			.filter((entry) -> entry.text(DavNames.GETETAG) != null)
			.map((entry) -> new RemoteResource(entry.href(), entry.text(DavNames.GETETAG)))
			.toList();
	}

	/** One calendar's privileges: a PROPFIND Depth 0. */
	WriteAccess writeAccess(URI calendar) {
		Multistatus answer = this.session.propfind(calendar, 0, List.of(DavNames.CURRENT_USER_PRIVILEGE_SET));
		return answer.responses()
			.stream()
			.filter((entry) -> entry.status() / 100 == 2)
			.filter((entry) -> Hrefs.same(entry.href(), calendar))
			.findFirst()
			.map((entry) -> Privileges.writeAccess(entry.property(DavNames.CURRENT_USER_PRIVILEGE_SET)))
			.orElse(WriteAccess.UNREPORTED);
	}

	private static boolean isCalendar(Multistatus.Entry entry) {
		XmlElement type = entry.property(DavNames.RESOURCETYPE);
		return type != null && type.child(DavNames.CALENDAR).isPresent();
	}

	private static RemoteCalendar toCalendar(Multistatus.Entry entry) {
		Set<String> components = new LinkedHashSet<>();
		XmlElement componentSet = entry.property(DavNames.SUPPORTED_CALENDAR_COMPONENT_SET);
		if (componentSet != null) {
			componentSet.children(DavNames.COMP)
				.stream()
				.map((comp) -> comp.attributes().get("name"))
				.filter((name) -> name != null)
				.forEach(components::add);
		}
		XmlElement reports = entry.property(DavNames.SUPPORTED_REPORT_SET);
		boolean syncCollection = reports != null && reports.hasDescendant(DavNames.SYNC_COLLECTION);
		return new RemoteCalendar(entry.href(), entry.text(DavNames.DISPLAYNAME), entry.text(DavNames.CALENDAR_COLOR),
				entry.text(DavNames.GETCTAG), entry.text(DavNames.SYNC_TOKEN), Set.copyOf(components), syncCollection,
				Privileges.writeAccess(entry.property(DavNames.CURRENT_USER_PRIVILEGE_SET)));
	}

}
