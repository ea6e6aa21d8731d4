package com.wedsync.calsync.batch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code calsync.sync.*} from {@code jobs/calendar-sync.yml}.
 *
 * @param applyChunkSize staged changes applied per transaction
 * @param skipLimit bad items parked in the dead-letter table before a step fails
 * @param maxConcurrentSyncs syncs of different integrations running at once on a node
 */
@ConfigurationProperties("calsync.sync")
public record SyncJobProperties(@DefaultValue("100") int applyChunkSize, @DefaultValue("1000") int skipLimit,
		@DefaultValue("4") int maxConcurrentSyncs) {
}
