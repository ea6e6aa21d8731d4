package com.wedsync.calsync.caldav;

import java.net.URI;
import java.util.Set;

/**
 * One calendar collection as listed by a PROPFIND Depth 1 on the calendar home.
 *
 * @param href absolute URL of the collection
 * @param ctag {@code CS:getctag}, or {@code null} when the server has none
 * @param syncToken {@code DAV:sync-token}, or {@code null} when the server has none
 * @param components supported calendar component names (VEVENT, VTODO, ...); empty when
 * the server did not say, which RFC 4791 section 5.2.3 reads as "any"
 * @param supportsSyncCollection whether {@code DAV:sync-collection} is in the
 * supported-report-set
 * @param access what its {@code DAV:current-user-privilege-set} lets the account do
 */
public record RemoteCalendar(URI href, String displayName, String color, String ctag, String syncToken,
		Set<String> components, boolean supportsSyncCollection, WriteAccess access) {

	/** A calendar listed without its privileges. */
	public RemoteCalendar(URI href, String displayName, String color, String ctag, String syncToken,
			Set<String> components, boolean supportsSyncCollection) {
		this(href, displayName, color, ctag, syncToken, components, supportsSyncCollection, WriteAccess.UNREPORTED);
	}

	/** Only calendars that can hold events are synced. */
	public boolean holdsEvents() {
		return this.components.isEmpty() || this.components.contains("VEVENT");
	}

}
