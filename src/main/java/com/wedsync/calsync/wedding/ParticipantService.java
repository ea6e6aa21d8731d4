package com.wedsync.calsync.wedding;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import com.wedsync.calsync.ical.EventKind;
import com.wedsync.calsync.integration.Calendar;
import com.wedsync.calsync.integration.CalendarRepository;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.sync.outbox.SyncOutbox;
import com.wedsync.calsync.security.TenantScope;
import com.wedsync.calsync.web.ConflictException;
import com.wedsync.calsync.web.InvalidRequestException;
import com.wedsync.calsync.web.ResourceNotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which calendars show a wedding. A calendar added gets every live event it shows through
 * the outbox, in the same transaction.
 */
@Service
@Transactional
class ParticipantService {

	private final WeddingRepository weddings;

	private final ParticipantRepository participants;

	private final CalendarRepository calendars;

	private final IntegrationRepository integrations;

	private final SyncOutbox outbox;

	ParticipantService(WeddingRepository weddings, ParticipantRepository participants, CalendarRepository calendars,
			IntegrationRepository integrations, SyncOutbox outbox) {
		this.weddings = weddings;
		this.participants = participants;
		this.calendars = calendars;
		this.integrations = integrations;
		this.outbox = outbox;
	}

	public Participant add(UUID weddingId, UUID calendarId, ParticipantRole role, Set<EventKind> kinds) {
		Wedding wedding = this.weddings.find(weddingId)
			.orElseThrow(() -> new ResourceNotFoundException("wedding", weddingId));
		Calendar calendar = this.calendars.find(calendarId).orElseThrow(() -> unknownCalendar(calendarId));
		String tenant = this.integrations.find(calendar.integrationId()).orElseThrow().tenantId();
		if (!TenantScope.allows(tenant)) {
			// A tenant learns nothing of other tenants' calendars, not even that they
			// exist.
			throw unknownCalendar(calendarId);
		}
		if (!tenant.equals(wedding.tenantId())) {
			throw new ConflictException("Calendar of another tenant", "Calendar " + calendarId
					+ " belongs to an integration of another tenant than wedding " + weddingId);
		}
		if (this.participants.find(weddingId, calendarId).isPresent()) {
			throw new ConflictException("Already a participant",
					"Calendar " + calendarId + " already takes part in wedding " + weddingId);
		}
		Participant added = this.participants.add(weddingId, calendarId, role,
				kinds.isEmpty() ? EnumSet.allOf(EventKind.class) : kinds);
		this.outbox.markWeddingDirty(weddingId, calendarId);
		return added;
	}

	private static InvalidRequestException unknownCalendar(UUID calendarId) {
		return new InvalidRequestException("calendarId", "calendarId " + calendarId
				+ " is not a known calendar (calendars appear when their integration is synced)");
	}

	/**
	 * The calendar stops receiving the wedding's changes; copies it already holds stay
	 * linked, so the sync still sees their edits.
	 */
	public void remove(UUID weddingId, UUID calendarId) {
		if (!this.participants.remove(weddingId, calendarId)) {
			throw new ResourceNotFoundException("participant", calendarId);
		}
	}

}
