package com.wedsync.calsync.caldav.internal;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.CalendarHome;
import com.wedsync.calsync.caldav.ChangeMarkers;
import com.wedsync.calsync.caldav.MultigetResult;
import com.wedsync.calsync.caldav.RemoteCalendar;
import com.wedsync.calsync.caldav.RemoteResource;
import com.wedsync.calsync.caldav.SyncDelta;
import com.wedsync.calsync.caldav.WriteAccess;
import com.wedsync.calsync.caldav.WriteCondition;

/** A {@link CalDavClient} session over sardine; each operation lives in its own class. */
final class SardineCalDavClient implements CalDavClient {

	private final URI serverUrl;

	private final DavSession session;

	private final DavTransport transport;

	private final CalendarDiscovery discovery;

	private final CalendarListing listing;

	private final CollectionSync sync;

	private final CalendarMultiget multiget;

	private final ResourceWrites writes;

	SardineCalDavClient(URI serverUrl, DavTransport transport, CalDavSettings settings) {
		this.session = new DavSession(transport, new HardenedXmlReader(settings.maxXmlDepth()),
				new DiscoveredHosts(serverUrl));
		DavSession session = this.session;
		this.serverUrl = serverUrl;
		this.transport = transport;
		this.discovery = new CalendarDiscovery(session);
		this.listing = new CalendarListing(session);
		this.sync = new CollectionSync(session);
		this.multiget = new CalendarMultiget(session, settings.multigetBatchSize());
		this.writes = new ResourceWrites(transport);
	}

	@Override
	public CalendarHome discover() {
		CalendarHome home = this.discovery.discover(this.serverUrl);
		this.session.trust(home.principal());
		this.session.trust(home.calendarHome());
		return home;
	}

	@Override
	public List<RemoteCalendar> listCalendars(URI calendarHome, ChangeMarkers markers) {
		this.session.trust(calendarHome);
		return this.listing.calendars(calendarHome, markers);
	}

	@Override
	public SyncDelta syncCollection(URI calendar, String syncToken) {
		this.session.trust(calendar);
		return this.sync.sync(calendar, syncToken);
	}

	@Override
	public List<RemoteResource> listResources(URI calendar) {
		this.session.trust(calendar);
		return this.listing.resources(calendar);
	}

	@Override
	public MultigetResult multiget(URI calendar, List<URI> hrefs) {
		this.session.trust(calendar);
		return this.multiget.fetch(calendar, hrefs);
	}

	@Override
	public WriteAccess writeAccess(URI calendar) {
		this.session.trust(calendar);
		return this.listing.writeAccess(calendar);
	}

	@Override
	public String put(URI href, String icalendar, WriteCondition condition) {
		return this.writes.put(href, icalendar, condition);
	}

	@Override
	public void delete(URI href, String etag) {
		this.writes.delete(href, etag);
	}

	@Override
	public void close() {
		try {
			this.transport.shutdown();
		}
		catch (IOException ex) {
			// Closing a client over a shared pool releases nothing that can
			// fail usefully.
		}
	}

}
