package com.wedsync.calsync.integration;

import java.time.Instant;
import java.util.UUID;

import com.wedsync.calsync.web.ConflictException;
import com.wedsync.calsync.web.ResourceNotFoundException;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator actions on one calendar. */
@RestController
class CalendarController {

	private final CalendarRepository calendars;

	CalendarController(CalendarRepository calendars) {
		this.calendars = calendars;
	}

	/**
	 * Confirms the deletions a guarded calendar reported: the next sync applies them (and
	 * deletes the events wherever the policy says).
	 */
	@PostMapping("/api/calendars/{id}/confirm-deletions")
	IntegrationResponse.CalendarResponse confirmDeletions(@PathVariable UUID id) {
		Calendar calendar = this.calendars.findVisible(id)
			.orElseThrow(() -> new ResourceNotFoundException("calendar", id));
		if (calendar.status() != CalendarStatus.GUARDED) {
			throw new ConflictException("Calendar not guarded", "Calendar " + id + " is " + calendar.status()
					+ "; only a GUARDED calendar has deletions to confirm");
		}
		this.calendars.confirmDeletions(id, Instant.now());
		return IntegrationResponse.CalendarResponse.of(this.calendars.findVisible(id).orElseThrow());
	}

}
