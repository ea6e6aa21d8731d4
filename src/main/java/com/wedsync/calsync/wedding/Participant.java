package com.wedsync.calsync.wedding;

import java.util.Set;
import java.util.UUID;

import com.wedsync.calsync.ical.EventKind;

/**
 * A calendar that shows a wedding's events of some kinds (a vendor may see only the
 * meetings).
 */
public record Participant(UUID id, UUID weddingId, UUID calendarId, ParticipantRole role, Set<EventKind> kinds) {

	public Participant {
		kinds = Set.copyOf(kinds);
	}

	public boolean shows(EventKind kind) {
		return this.kinds.contains(kind);
	}

}
