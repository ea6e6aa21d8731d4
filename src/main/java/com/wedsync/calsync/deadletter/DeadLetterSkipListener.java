package com.wedsync.calsync.deadletter;

import com.wedsync.calsync.sync.staging.StagedChange;
import com.wedsync.calsync.sync.staging.StagingState;
import com.wedsync.calsync.sync.staging.SyncStagingRepository;

import org.springframework.batch.core.listener.SkipListener;

/**
 * Parks a staged change that the step skipped because it is bad in itself (unparseable
 * iCalendar): a dead letter with the payload and the reason, and its staging row settled
 * as SKIPPED so the rest of the calendar, and its token, move on.
 */
public class DeadLetterSkipListener implements SkipListener<StagedChange, Object> {

	private final String step;

	private final DeadLetterRepository deadLetters;

	private final SyncStagingRepository staging;

	public DeadLetterSkipListener(String step, DeadLetterRepository deadLetters, SyncStagingRepository staging) {
		this.step = step;
		this.deadLetters = deadLetters;
		this.staging = staging;
	}

	@Override
	public void onSkipInProcess(StagedChange item, Throwable cause) {
		this.deadLetters.park(new DeadLetter(item.integrationId(), item.calendarId(), item.href().toString(), null,
				this.step, item.icalendar(), cause.getClass().getName(), cause.getMessage()));
		this.staging.markState(item.calendarId(), item.href(), StagingState.SKIPPED);
	}

}
