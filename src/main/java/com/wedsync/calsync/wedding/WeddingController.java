package com.wedsync.calsync.wedding;

import java.net.URI;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.wedsync.calsync.ical.EventKind;
import com.wedsync.calsync.security.TenantIds;
import com.wedsync.calsync.security.TenantScope;
import com.wedsync.calsync.web.InvalidRequestException;
import com.wedsync.calsync.web.ResourceNotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/weddings}: weddings and the calendars that show them. */
@RestController
@RequestMapping("/api/weddings")
class WeddingController {

	private final WeddingRepository weddings;

	private final ParticipantRepository participants;

	private final ParticipantService participantService;

	WeddingController(WeddingRepository weddings, ParticipantRepository participants,
			ParticipantService participantService) {
		this.weddings = weddings;
		this.participants = participants;
		this.participantService = participantService;
	}

	@PostMapping
	ResponseEntity<WeddingResponse> create(@Valid @RequestBody CreateWeddingRequest request) {
		String zone = EventTimeInput.zone("timeZone", request.timeZone()).getId();
		String tenantId = TenantScope.resolve(request.tenantId(), "tenant", request.tenantId());
		if (tenantId == null) {
			throw new InvalidRequestException("tenantId", "tenantId is required");
		}
		if (request.weddingDate() != null) {
			EventTimeInput.requireSupportedYear("weddingDate", request.weddingDate().getYear());
		}
		Wedding created = this.weddings.create(tenantId, request.title().strip(), request.weddingDate(), zone);
		return ResponseEntity.created(URI.create("/api/weddings/" + created.id()))
			.body(WeddingResponse.of(created, List.of()));
	}

	@GetMapping("/{id}")
	WeddingResponse get(@PathVariable UUID id) {
		return WeddingResponse.of(wedding(id), this.participants.findByWedding(id));
	}

	@PostMapping("/{id}/participants")
	ResponseEntity<WeddingResponse.ParticipantResponse> addParticipant(@PathVariable UUID id,
			@Valid @RequestBody AddParticipantRequest request) {
		wedding(id);
		Participant added = this.participantService.add(id, request.calendarId(), role(request.role()),
				kinds(request.kinds()));
		return ResponseEntity.created(URI.create("/api/weddings/" + id + "/participants/" + added.calendarId()))
			.body(WeddingResponse.ParticipantResponse.of(added));
	}

	@DeleteMapping("/{id}/participants/{calendarId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeParticipant(@PathVariable UUID id, @PathVariable UUID calendarId) {
		wedding(id);
		this.participantService.remove(id, calendarId);
	}

	/** The wedding, if the caller's tenant owns it; otherwise the same 404 as unknown. */
	private Wedding wedding(UUID id) {
		Wedding wedding = this.weddings.find(id).orElseThrow(() -> new ResourceNotFoundException("wedding", id));
		TenantScope.check(wedding.tenantId(), "wedding", id);
		return wedding;
	}

	private static ParticipantRole role(String text) {
		try {
			return ParticipantRole.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("role",
					"role must be PLANNER, COUPLE, VENDOR or TEAM, not '" + text + "'");
		}
	}

	/** No kinds given: the participant shows all four. */
	private static Set<EventKind> kinds(List<String> texts) {
		if (texts == null) {
			return EnumSet.allOf(EventKind.class);
		}
		if (texts.isEmpty()) {
			throw new InvalidRequestException("kinds", "kinds must name at least one kind, or be left out for all");
		}
		Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
		for (String text : texts) {
			try {
				kinds.add(EventRequestReader.kind(text));
			}
			catch (InvalidRequestException ex) {
				throw new InvalidRequestException("kinds", ex.getMessage());
			}
		}
		return kinds;
	}

	record CreateWeddingRequest(@Pattern(regexp = TenantIds.PATTERN, message = TenantIds.MESSAGE) String tenantId,
			@NotBlank @Size(max = 500) String title, LocalDate weddingDate,
			@NotBlank @Size(max = 100) String timeZone) {
	}

	record AddParticipantRequest(@NotNull UUID calendarId, @NotBlank @Size(max = 20) String role,
			@Size(max = 10) List<@Size(max = 20) String> kinds) {
	}

}
