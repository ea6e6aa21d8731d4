package com.wedsync.calsync.deadletter;

import java.util.UUID;

import com.wedsync.calsync.sync.staging.SyncStagingRepository;

import org.springframework.batch.core.listener.SkipListener;

/**
 * Parks an event whose reconciliation failed because of what it is (a body that cannot be
 * read, a 4xx other than 412/429 from a calendar): a dead letter naming its UID and the
 * reason, and its staged changes settled as SKIPPED so the calendar's token, and the
 * other events, move on.
 */
public class ReconcileSkipListener implements SkipListener<String, String> {

	private final UUID integrationId;

	private final String step;

	private final DeadLetterRepository deadLetters;

	private final SyncStagingRepository staging;

	public ReconcileSkipListener(UUID integrationId, String step, DeadLetterRepository deadLetters,
			SyncStagingRepository staging) {
		this.integrationId = integrationId;
		this.step = step;
		this.deadLetters = deadLetters;
		this.staging = staging;
	}

	@Override
	public void onSkipInWrite(String uid, Throwable cause) {
		this.deadLetters.park(new DeadLetter(this.integrationId, null, null, uid, this.step, null,
				cause.getClass().getName(), cause.getMessage()));
		this.staging.markSkipped(this.integrationId, uid);
	}

}
