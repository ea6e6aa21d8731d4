package com.wedsync.calsync.sync.staging;

import java.net.URI;
import java.util.UUID;

/**
 * One remote change of one calendar object resource.
 *
 * @param icalendar the fetched body, present in state {@link StagingState#FETCHED}
 */
public record StagedChange(UUID integrationId, UUID calendarId, URI href, String etag, String icalendar,
		StagingState state) {
}
