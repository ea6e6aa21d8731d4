package com.wedsync.calsync.admin;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.wedsync.calsync.batch.SyncLauncher;
import com.wedsync.calsync.batch.SyncRun;
import com.wedsync.calsync.batch.SyncRun.SyncPriority;
import com.wedsync.calsync.batch.SyncRun.SyncTrigger;
import com.wedsync.calsync.deadletter.DeadLetterRepository;
import com.wedsync.calsync.deadletter.DeadLetterStatus;
import com.wedsync.calsync.deadletter.StoredDeadLetter;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.integration.IntegrationStatus;
import com.wedsync.calsync.web.ConflictException;
import com.wedsync.calsync.web.InvalidRequestException;
import com.wedsync.calsync.web.ResourceNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dead letters for operators: list, read, replay through a sync, discard. Only an OPEN
 * letter can be replayed or discarded; anything else is a 409, so two operators acting on
 * one letter cannot both win.
 */
@RestController
class DeadLetterController {

	private static final int LIST_LIMIT = 200;

	private final DeadLetterRepository deadLetters;

	private final IntegrationRepository integrations;

	private final SyncLauncher launcher;

	DeadLetterController(DeadLetterRepository deadLetters, IntegrationRepository integrations, SyncLauncher launcher) {
		this.deadLetters = deadLetters;
		this.integrations = integrations;
		this.launcher = launcher;
	}

	/** Newest failure first, without payloads. */
	@GetMapping("/api/dead-letters")
	List<StoredDeadLetter> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) UUID integrationId) {
		return this.deadLetters.find(status(status), integrationId, LIST_LIMIT);
	}

	@GetMapping("/api/dead-letters/{id}")
	DeadLetterDetails get(@PathVariable UUID id) {
		StoredDeadLetter letter = find(id);
		return DeadLetterDetails.of(letter, this.deadLetters.findPayload(id).orElse(null));
	}

	/**
	 * Marks the letter REPLAYING and requests a sync of its integration (or joins the one
	 * queued or running); the sync stages the item again.
	 */
	@PostMapping("/api/dead-letters/{id}/replay")
	ResponseEntity<ReplayResponse> replay(@PathVariable UUID id) {
		StoredDeadLetter letter = find(id);
		if (this.integrations.find(letter.integrationId())
			.filter((integration) -> integration.status() == IntegrationStatus.PAUSED)
			.isPresent()) {
			throw new ConflictException("Integration paused", "Integration " + letter.integrationId()
					+ " is paused; resume it (PATCH status ACTIVE) before replaying its dead letters");
		}
		if (!this.deadLetters.markReplaying(id)) {
			throw notOpen(id, "replayed");
		}
		SyncRun run = this.launcher.request(letter.integrationId(), SyncTrigger.MANUAL, SyncPriority.NORMAL,
				"replay of dead letter " + id);
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.header("Location", "/api/syncs/" + run.id())
			.body(new ReplayResponse(find(id), run.id()));
	}

	@PostMapping("/api/dead-letters/{id}/discard")
	StoredDeadLetter discard(@PathVariable UUID id) {
		find(id);
		if (!this.deadLetters.discard(id)) {
			throw notOpen(id, "discarded");
		}
		return find(id);
	}

	private StoredDeadLetter find(UUID id) {
		return this.deadLetters.find(id).orElseThrow(() -> new ResourceNotFoundException("dead letter", id));
	}

	private ConflictException notOpen(UUID id, String action) {
		DeadLetterStatus now = find(id).status();
		return new ConflictException("Dead letter not open",
				"Dead letter " + id + " is " + now + "; only an OPEN dead letter can be " + action);
	}

	private static DeadLetterStatus status(String value) {
		if (value == null) {
			return null;
		}
		try {
			return DeadLetterStatus.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("status",
					"status must be one of " + Arrays.toString(DeadLetterStatus.values()) + ", not '" + value + "'");
		}
	}

	/** One letter with the item as received. */
	record DeadLetterDetails(UUID id, UUID integrationId, UUID calendarId, String href, String uid, String step,
			String errorClass, String errorMessage, int attempts, DeadLetterStatus status, Instant firstFailedAt,
			Instant lastFailedAt, String payload) {

		static DeadLetterDetails of(StoredDeadLetter letter, String payload) {
			return new DeadLetterDetails(letter.id(), letter.integrationId(), letter.calendarId(), letter.href(),
					letter.uid(), letter.step(), letter.errorClass(), letter.errorMessage(), letter.attempts(),
					letter.status(), letter.firstFailedAt(), letter.lastFailedAt(), payload);
		}

	}

	record ReplayResponse(StoredDeadLetter deadLetter, UUID syncId) {
	}

}
