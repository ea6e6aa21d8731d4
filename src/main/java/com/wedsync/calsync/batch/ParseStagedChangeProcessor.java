package com.wedsync.calsync.batch;

import com.wedsync.calsync.ical.CalendarObjectParser;
import com.wedsync.calsync.sync.staging.StagedChange;
import com.wedsync.calsync.sync.staging.StagingState;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Step 4 processor: parses fetched bodies. An unparseable one throws
 * {@link com.wedsync.calsync.ical.InvalidICalendarException}, which the step skips into
 * the dead-letter table.
 */
class ParseStagedChangeProcessor implements ItemProcessor<StagedChange, RemoteChange> {

	private final CalendarObjectParser parser;

	ParseStagedChangeProcessor(CalendarObjectParser parser) {
		this.parser = parser;
	}

	@Override
	public RemoteChange process(StagedChange change) {
		if (change.state() == StagingState.GONE) {
			return new RemoteChange(change, null);
		}
		return new RemoteChange(change, this.parser.parse(change.icalendar()));
	}

}
