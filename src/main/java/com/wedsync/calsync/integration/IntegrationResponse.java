package com.wedsync.calsync.integration;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An integration as the API shows it: never with its password. */
record IntegrationResponse(UUID id, String tenantId, Provider provider, URI serverUrl, String username,
		IntegrationStatus status, String statusDetail, int pollIntervalSeconds, URI principalUrl, URI calendarHomeUrl,
		Instant createdAt, Instant lastSyncedAt, List<CalendarResponse> calendars) {

	static IntegrationResponse of(Integration i, List<Calendar> calendars) {
		return new IntegrationResponse(i.id(), i.tenantId(), i.provider(), i.serverUrl(), i.username(), i.status(),
				i.statusDetail(), i.pollIntervalSeconds(), i.principalUrl(), i.calendarHomeUrl(), i.createdAt(),
				i.lastSyncedAt(), calendars.stream().map(CalendarResponse::of).toList());
	}

	record CalendarResponse(UUID id, URI href, String displayName, String color, boolean synced, CalendarStatus status,
			String statusDetail, boolean supportsSyncCollection, boolean readOnly, Instant lastSyncedAt) {

		static CalendarResponse of(Calendar c) {
			return new CalendarResponse(c.id(), c.href(), c.displayName(), c.color(), c.isSynced(), c.status(),
					c.statusDetail(), c.supportsSyncCollection(), c.readOnly(), c.lastSyncedAt());
		}

	}

}
