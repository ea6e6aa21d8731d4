package com.wedsync.calsync.deadletter;

import java.net.URI;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.wedsync.calsync.integration.Calendar;
import com.wedsync.calsync.sync.outbox.SyncOutbox;
import com.wedsync.calsync.sync.staging.SyncStagingRepository;
import com.wedsync.calsync.wedding.WeddingEvent;
import com.wedsync.calsync.wedding.WeddingEventRepository;

import org.springframework.stereotype.Component;

/**
 * Puts the dead letters an operator asked to replay (status REPLAYING) back into a sync.
 * The calendar's token has moved past a parked resource, so detection alone would never
 * see it again: its href is staged PENDING again, and fetched and applied like any other
 * change. A letter parked while reconciling names only a UID: its event is marked dirty
 * in the outbox, so the reconcile steps take it again.
 * <p>
 * What the replay did is settled by {@link DeadLetterRepository#settleReplays}: an item
 * that fails again is parked again (OPEN, one more attempt), one that syncs is RESOLVED.
 */
@Component
public class DeadLetterReplays {

	private final DeadLetterRepository deadLetters;

	private final SyncStagingRepository staging;

	private final SyncOutbox outbox;

	private final WeddingEventRepository events;

	DeadLetterReplays(DeadLetterRepository deadLetters, SyncStagingRepository staging, SyncOutbox outbox,
			WeddingEventRepository events) {
		this.deadLetters = deadLetters;
		this.staging = staging;
		this.outbox = outbox;
		this.events = events;
	}

	/**
	 * Stages the integration's replays, after detection.
	 * @param calendars the calendars being synced; a letter of a calendar not among them
	 * (paused, guarded) waits for a sync that includes it
	 * @return the number of items put back into the sync
	 */
	public int stage(UUID integrationId, String tenantId, Collection<Calendar> calendars) {
		Set<UUID> synced = calendars.stream().map(Calendar::id).collect(Collectors.toSet());
		int staged = 0;
		for (StoredDeadLetter letter : this.deadLetters.findReplaying(integrationId)) {
			if (letter.href() != null) {
				if (synced.contains(letter.calendarId())) {
					this.staging.stagePendingUnlessStaged(integrationId, letter.calendarId(),
							URI.create(letter.href()));
					staged++;
				}
			}
			else if (letter.uid() != null) {
				Optional<WeddingEvent> event = this.events.findPlatformEvent(tenantId, letter.uid());
				if (event.isPresent()) {
					this.outbox.markDirty(event.get().id());
					staged++;
				}
			}
		}
		return staged;
	}

}
