package com.wedsync.calsync.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import com.wedsync.calsync.observability.CalSyncMetrics;

import org.springframework.stereotype.Component;

/**
 * Publishes how many dead letters wait for an operator. Read from the table at each
 * scrape, so every node of a cluster reports the same number and alert rules need no sum.
 */
@Component
class DeadLetterMetrics {

	DeadLetterMetrics(DeadLetterRepository deadLetters, MeterRegistry registry) {
		Gauge.builder(CalSyncMetrics.DEAD_LETTERS_OPEN, deadLetters, DeadLetterRepository::countAllOpen)
			.description("Dead letters waiting for an operator")
			.register(registry);
	}

}
