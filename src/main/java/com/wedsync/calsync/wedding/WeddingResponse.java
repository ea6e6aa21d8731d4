package com.wedsync.calsync.wedding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.wedsync.calsync.ical.EventKind;

/** A wedding with the calendars that show it. */
record WeddingResponse(UUID id, String tenantId, String title, LocalDate weddingDate, String timeZone,
		List<ParticipantResponse> participants, Instant createdAt, Instant updatedAt) {

	static WeddingResponse of(Wedding wedding, List<Participant> participants) {
		return new WeddingResponse(wedding.id(), wedding.tenantId(), wedding.title(), wedding.weddingDate(),
				wedding.timeZone(), participants.stream().map(ParticipantResponse::of).toList(), wedding.createdAt(),
				wedding.updatedAt());
	}

	record ParticipantResponse(UUID calendarId, ParticipantRole role, Set<EventKind> kinds) {

		static ParticipantResponse of(Participant participant) {
			return new ParticipantResponse(participant.calendarId(), participant.role(),
					EnumSet.copyOf(participant.kinds()));
		}

	}

}
