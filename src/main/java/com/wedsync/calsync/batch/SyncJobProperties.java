package com.wedsync.calsync.batch;

import java.util.Map;

import com.wedsync.calsync.ical.EventKind;
import com.wedsync.calsync.sync.plan.ConflictPolicy;
import com.wedsync.calsync.sync.plan.ConflictPolicyProperties;
import com.wedsync.calsync.sync.plan.KindPolicyProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code calsync.sync.*} from {@code jobs/calendar-sync.yml}.
 *
 * @param applyChunkSize events reconciled per transaction
 * @param skipLimit bad items parked in the dead-letter table before a step fails
 * @param maxConcurrentSyncs syncs of different integrations running at once on a node
 * @param policy the conflict policy by kind; kinds left out keep their defaults
 */
@ConfigurationProperties("calsync.sync")
public record SyncJobProperties(@DefaultValue("500") int applyChunkSize, @DefaultValue("1000") int skipLimit,
		@DefaultValue("4") int maxConcurrentSyncs, Map<EventKind, KindPolicyProperties> policy) {

	public ConflictPolicy conflictPolicy() {
		return new ConflictPolicyProperties(this.policy).toPolicy();
	}

}
