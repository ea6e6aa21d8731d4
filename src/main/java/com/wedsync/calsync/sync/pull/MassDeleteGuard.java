package com.wedsync.calsync.sync.pull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code calsync.sync.mass-delete-guard.*}: a calendar that suddenly reports most of its
 * linked events deleted (a wiped phone, a replaced account, a server bug) is stopped
 * instead of deleting those events everywhere.
 *
 * @param minLinked calendars holding fewer linked events are never guarded
 * @param ratio the share of linked events reported deleted in one sync that trips the
 * guard
 */
@ConfigurationProperties("calsync.sync.mass-delete-guard")
public record MassDeleteGuard(@DefaultValue("5") int minLinked, @DefaultValue("0.5") double ratio) {

	boolean trips(int linked, int deleted) {
		return linked >= this.minLinked && deleted > 0 && deleted >= Math.ceil(linked * this.ratio);
	}

}
